/** The files methods of `TelegramClient` (upload, download, media messages), loaded on first use: see ./index.ts. */
export { downloadToBuffer, downloadToFile } from '../methods/files/download-file.js';
export { downloadAsStream, iterDownload } from '../methods/files/download-stream.js';
export { sendMedia } from '../methods/files/send-media.js';
export { uploadFile } from '../methods/files/upload-file.js';
