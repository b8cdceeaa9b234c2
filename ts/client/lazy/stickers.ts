/** The stickers methods of `TelegramClient` (sticker sets), loaded on first use: see ./index.ts. */
export { getStickerSet } from '../methods/stickers/get-sticker-set.js';
