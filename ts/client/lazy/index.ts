/**
 * The method groups of `TelegramClient` (one module per folder of
 * ts/client/methods), reached through loaders that return a promise of the
 * group. In the built package the loaders are dynamic imports
 * (./dynamic-loaders.ts, swapped in by rollup.config.mjs), so the class stays
 * small: `import { TelegramClient } from 'wasmgram'` followed by `invoke` on
 * a stored session (the serverless cold start, issue 14) parses none of the
 * login, messages, chats or files code; a group's chunk (four in all, see
 * ./dynamic-loaders.ts) loads on the first call of one of its methods (later
 * calls find it loaded: a resolved promise, no I/O).
 *
 * This file is the loaders' source form: static imports. The test runner
 * loads the sources as CommonJS (`uvu -r tsx`), where a dynamic `import()`
 * would load a second copy of every module (two `Photo` classes, two
 * `RpcError`s); static imports keep one. Both forms export the same groups
 * (tests/client/lazy-methods.test.ts checks it).
 *
 * The free functions stay importable from `wasmgram/client`, which loads them all.
 */
import * as auth from './auth.js';
import * as bots from './bots.js';
import * as chats from './chats.js';
import * as dialogs from './dialogs.js';
import * as files from './files.js';
import * as forums from './forums.js';
import * as messages from './messages.js';
import * as peers from './peers.js';
import * as stickers from './stickers.js';
import * as users from './users.js';

export { lazyIterator, lazyStream } from './wrappers.js';

/** Loaders of the method groups, by folder of ts/client/methods. */
export const methods = {
  auth: () => Promise.resolve(auth),
  bots: () => Promise.resolve(bots),
  chats: () => Promise.resolve(chats),
  dialogs: () => Promise.resolve(dialogs),
  files: () => Promise.resolve(files),
  forums: () => Promise.resolve(forums),
  messages: () => Promise.resolve(messages),
  peers: () => Promise.resolve(peers),
  stickers: () => Promise.resolve(stickers),
  users: () => Promise.resolve(users),
};
