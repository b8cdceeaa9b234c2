/**
 * The everyday method groups (messages, dialogs, peers, users, stickers,
 * bots) as one module: in the package they are one chunk, loaded by the first
 * call of any of them (see ./dynamic-loaders.ts). Fewer chunks keep
 * `wasmgram/client`, which loads every method, to fewer files.
 */
import * as bots from './bots.js';
import * as dialogs from './dialogs.js';
import * as messages from './messages.js';
import * as peers from './peers.js';
import * as stickers from './stickers.js';
import * as users from './users.js';

/** Every function of the six groups. */
export const everyday = { ...bots, ...dialogs, ...messages, ...peers, ...stickers, ...users };
