/** The peers methods of `TelegramClient` (peer resolution), loaded on first use: see ./index.ts. */
export { resolvePeer } from '../methods/peers/resolve-peer.js';
