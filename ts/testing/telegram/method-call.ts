/**
 * What a method implementation gets besides its request: the backend, the
 * DC, the connection and the clock reading for this call — and the shape of
 * the table that maps TL method names to implementations.
 */
import type { Functions, Results } from '../../tl/generated/types.js';
import type { TelegramBackend } from './backend.js';
import type { RequestContext } from './context.js';
import { authKeyUnregistered } from './rpc-errors.js';
import type { UpdateSubscriber } from './update-hub.js';
import type { UserRecord } from './user-store.js';

/** One call in progress. */
export class MethodCall {
  constructor(
    /** The world. */
    readonly backend: TelegramBackend,
    /** The DC answering. */
    readonly dcId: number,
    /** The connection the request came on. */
    readonly ctx: RequestContext,
    /** Unix time of this call (read once, so a method sees one consistent time). */
    readonly now: number,
  ) {}

  /** The signed-in user's id, or undefined. */
  get userId(): bigint | undefined {
    return this.ctx.userId;
  }

  /**
   * The signed-in user's account.
   *
   * @throws RpcError 401 AUTH_KEY_UNREGISTERED when the key is not signed in
   */
  self(): UserRecord {
    const id = this.ctx.userId;
    const u = id === undefined ? undefined : this.backend.users.get(id);
    if (!u) throw authKeyUnregistered();
    return u;
  }
}

/** The implementation of TL method `N`. */
export interface MethodEntry<N extends keyof Functions> {
  /** True when the method needs a signed-in key (401 AUTH_KEY_UNREGISTERED otherwise). */
  readonly auth: boolean;
  /** Runs the method: returns its result or throws an RpcError. */
  readonly run: (call: MethodCall, request: Functions[N]) => Results[N] | Promise<Results[N]>;
}

/** Implementations by TL method name; a name not in the table is answered METHOD_NOT_IMPLEMENTED. */
export type MethodTable = { readonly [N in keyof Functions]?: MethodEntry<N> };

/** The session a request came on, as the update hub knows it (it gets the result, not a push). */
export function caller(call: MethodCall): UpdateSubscriber {
  return call.ctx as unknown as UpdateSubscriber;
}
