/**
 * The per-connection context a request runs in: which DC, which auth key,
 * who that key is signed in as, what layer and `initConnection` it announced,
 * and where the connection's updates go. The server glue makes one per
 * (connection, auth key) with `backend.connect(...)` and passes it to every
 * `handle` call of that connection; `close()` it when the connection ends.
 */
import type { Updates } from '../../tl/generated/types.js';
import type { AuthKeyState, AuthStore, InitConnectionInfo } from './auth-store.js';
import type { UpdateHub, UpdateSink, UpdateSubscriber } from './update-hub.js';

/** What the glue knows when a connection (or a new auth key on it) starts. */
export interface ConnectOptions {
  /** Id of the auth key the connection's messages are encrypted with (temporary or permanent). */
  readonly authKeyId: bigint;
  /** Where updates for this connection go; without it the connection never gets updates. */
  readonly onUpdates?: UpdateSink;
}

/** Read-only view of a connection, as handlers and the glue see it. */
export interface RequestContext {
  /** The DC the connection is on. */
  readonly dcId: number;
  /** Id of the auth key the request came with. */
  readonly authKeyId: bigint;
  /** The user the key is signed in as (through its permanent key when it is a bound temporary key), or undefined. */
  readonly userId: bigint | undefined;
  /** The layer of the last `invokeWithLayer` on this key. */
  readonly layer: number | undefined;
  /** The last `initConnection` on this key (api_id, device, app version, language...). */
  readonly init: InitConnectionInfo | undefined;
  /** True once a request without `invokeWithoutUpdates` ran: updates for `userId` are pushed here. */
  readonly subscribed: boolean;
  /** Stops update delivery; call when the connection closes. */
  close(): void;
}

/** The context implementation; only the backend makes these. */
export class ConnectionContext implements RequestContext, UpdateSubscriber {
  /** @internal */ subscribed = false;
  private closed = false;

  /** @internal */
  constructor(
    readonly dcId: number,
    readonly authKeyId: bigint,
    /** @internal */ readonly owner: object,
    private readonly auth: AuthStore,
    private readonly hub: UpdateHub,
    private readonly now: () => number,
    private readonly sink: UpdateSink | undefined,
  ) {
    if (sink) hub.attach(this);
  }

  get userId(): bigint | undefined {
    return this.auth.userIdOf(this.dcId, this.authKeyId, this.now());
  }

  get layer(): number | undefined {
    return this.auth.peek(this.dcId, this.authKeyId)?.layer;
  }

  get init(): InitConnectionInfo | undefined {
    return this.auth.peek(this.dcId, this.authKeyId)?.init;
  }

  /** @internal The state of the key the requests come with. */
  keyState(): AuthKeyState {
    return this.auth.key(this.dcId, this.authKeyId);
  }

  /** @internal */
  deliver(updates: Updates): void {
    if (!this.closed) this.sink?.(updates);
  }

  close(): void {
    this.closed = true;
    this.hub.detach(this);
  }
}
