/** What the client's methods accept wherever a chat or user is meant. */
import type { InputPeer } from '../../tl/generated/types.js';

/**
 * A peer in any of the forms `resolvePeer` understands: `'me'`, `'@username'`,
 * `'t.me/username'`, a phone number `'+99966…'`, a numeric id (users;
 * Bot API-style marked ids `-id` for groups and `-100…` for channels), an
 * `InputPeer`, or anything with an `inputPeer` (a `User`, `Chat`, `Dialog`).
 */
export type PeerLike = string | number | bigint | InputPeer | { readonly inputPeer: InputPeer };
