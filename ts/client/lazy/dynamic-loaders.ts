/**
 * The built package's form of ./index.ts (rollup.config.mjs resolves
 * `lazy/index.js` here): each method group of `TelegramClient` is a dynamic
 * import, a chunk loaded on the first call of one of its methods.
 */
import type { methods as sourceForm } from './index.js';

export { lazyIterator, lazyStream } from './wrappers.js';

/** Loaders of the method groups, by folder of ts/client/methods. */
export const methods: typeof sourceForm = {
  auth: () => import('./auth.js'),
  bots: () => import('./bots.js'),
  chats: () => import('./chats.js'),
  dialogs: () => import('./dialogs.js'),
  files: () => import('./files.js'),
  forums: () => import('./forums.js'),
  messages: () => import('./messages.js'),
  peers: () => import('./peers.js'),
  stickers: () => import('./stickers.js'),
  users: () => import('./users.js'),
};
