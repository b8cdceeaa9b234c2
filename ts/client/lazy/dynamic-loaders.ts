/**
 * The built package's form of ./index.ts (rollup.config.mjs resolves
 * `lazy/index.js` here): the method groups of `TelegramClient` are dynamic
 * imports, chunks loaded on the first call of one of their methods.
 */
import type { methods as sourceForm } from './index.js';

export { lazyIterator, lazyStream } from './wrappers.js';

const everyday = () => import('./everyday.js').then((m) => m.everyday);
const admin = () => import('./admin.js').then((m) => m.admin);

/**
 * Loaders of the method groups, by folder of ts/client/methods. Four chunks:
 * the login methods, the everyday groups (./everyday.ts), the file transfers,
 * the chat administration (./admin.ts); `wasmgram/client` reads four files
 * for its methods instead of one per group.
 */
export const methods: typeof sourceForm = {
  auth: () => import('./auth.js'),
  bots: everyday,
  chats: admin,
  dialogs: everyday,
  files: () => import('./files.js'),
  forums: admin,
  messages: everyday,
  peers: everyday,
  stickers: everyday,
  users: everyday,
};
