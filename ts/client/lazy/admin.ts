/**
 * The chat administration method groups (chats, forums) as one module: one
 * chunk in the package (see ./dynamic-loaders.ts and ./everyday.ts).
 */
import * as chats from './chats.js';
import * as forums from './forums.js';

/** Every function of the two groups. */
export const admin = { ...chats, ...forums };
