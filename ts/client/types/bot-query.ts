/**
 * What every query a bot must answer carries — callback, inline, shipping
 * and pre-checkout queries: its id, the user who asked, and the client the
 * answer goes through (https://core.telegram.org/api/bots).
 */
import type { ClientCore } from '../core.js';
import type { PeerIndex } from './peer-index.js';
import type { User } from './user.js';

/** The shared part of the query updates; each subclass adds its fields and its `answer()`. */
export abstract class BotQuery<R extends { query_id: bigint; user_id: bigint }> {
  constructor(
    protected readonly client: ClientCore,
    readonly raw: R,
    protected readonly peers: PeerIndex,
  ) {
    // The client reference is plumbing, not data: keep it out of inspect/JSON output.
    Object.defineProperty(this, 'client', { enumerable: false });
  }
  /** The query id the answer names. */
  get id(): bigint {
    return this.raw.query_id;
  }
  /** The user who asked. */
  get userId(): bigint {
    return this.raw.user_id;
  }
  /** That user, when the update carried them. */
  get from(): User | undefined {
    return this.peers.user(this.raw.user_id);
  }
}
