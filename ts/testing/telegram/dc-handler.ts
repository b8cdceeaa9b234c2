/**
 * The RPC layer of one DC: takes a decoded request from a connection,
 * removes the invoke wrappers, applies injected faults and the
 * connection/authorization checks, runs the method and returns its result —
 * or throws an RpcError, which the session layer sends as `rpc_error`
 * (https://core.telegram.org/mtproto/service_messages#response-to-an-rpc-query).
 *
 * Order of checks for each call:
 * 1. wrappers (`invokeWithLayer`, `initConnection`, ...) are removed and what they say is recorded on the auth key;
 * 2. a fault queued for the method fires;
 * 3. a key that never sent `initConnection` gets 400 CONNECTION_NOT_INITED;
 * 4. a method without an implementation gets 400 METHOD_NOT_IMPLEMENTED_<name>;
 * 5. a method that needs a login, on a key that is not signed in, gets 401 AUTH_KEY_UNREGISTERED;
 * 6. the method runs.
 */
import { RpcError, ArgumentError } from '../../errors.js';
import { decodeRequest, encode } from '../../tl/codec/index.js';
import type { AnyRequest, ResultOf } from '../../tl/generated/types.js';
import type { TelegramBackend } from './backend.js';
import { ConnectionContext, type ConnectOptions, type RequestContext } from './context.js';
import { encodeResult } from './encode-result.js';
import { MethodCall, type MethodEntry } from './method-call.js';
import { METHODS } from './methods/index.js';
import { authKeyUnregistered, badRequest, internalError, notImplemented, withMethod } from './rpc-errors.js';
import { unwrap } from './unwrap.js';

/** Methods allowed before `initConnection`: PFS binds the temporary key first (https://core.telegram.org/api/pfs). */
const BEFORE_INIT = new Set(['auth.bindTempAuthKey']);

/** The answer to an encoded request: result bytes, or an encoded `rpc_error` and the error. */
export interface EncodedReply {
  /** The decoded request (undefined when the body could not be decoded). */
  readonly request?: AnyRequest;
  /** What goes into `rpc_result.result`: the result, or an `rpc_error` object. */
  readonly bytes: Uint8Array;
  /** Set when `bytes` is an `rpc_error`. */
  readonly error?: RpcError;
}

/** Request handling for one DC of a backend. Get it with `backend.dc(id)`. */
export class DcHandler {
  /** @internal */
  constructor(
    private readonly backend: TelegramBackend,
    /** The DC this handler answers as. */
    readonly dcId: number,
  ) {}

  /**
   * A context for a connection to this DC using auth key `options.authKeyId`.
   * Pass it to every `handle` of that connection; `close()` it at the end.
   */
  connect(options: ConnectOptions): RequestContext {
    const b = this.backend;
    return new ConnectionContext(this.dcId, options.authKeyId, b, b.auth, b.updates, () => b.now(), options.onUpdates);
  }

  /**
   * Runs one request (possibly wrapped) and resolves with its result.
   *
   * @throws RpcError for every failure a client can see; a bug in a method
   *   becomes 500 INTERNAL_SERVER_ERROR with the original error as `cause`
   * @throws TypeError when `ctx` was not made by this DC's `connect` (a glue bug)
   */
  async handle<R extends AnyRequest>(ctx: RequestContext, request: R): Promise<ResultOf<R>> {
    const conn = this.own(ctx);
    let method: string = request._;
    try {
      const u = unwrap(request);
      method = u.query._;
      const key = conn.keyState();
      if (u.layer !== undefined) key.layer = u.layer;
      if (u.init !== undefined) key.init = u.init;

      const fault = this.backend.faults.take(method);
      if (fault) throw fault;

      const now = this.backend.now();
      if (this.backend.requireInitConnection && !BEFORE_INIT.has(method) && !this.initialized(conn, now)) {
        throw badRequest('CONNECTION_NOT_INITED');
      }
      const entry = (METHODS as Record<string, MethodEntry<never> | undefined>)[method];
      if (!entry) throw notImplemented(method);
      if (entry.auth && conn.userId === undefined) throw authKeyUnregistered();
      if (!u.withoutUpdates) conn.subscribed = true;

      const run = entry.run as (call: MethodCall, req: AnyRequest) => unknown;
      return (await run(new MethodCall(this.backend, this.dcId, conn, now), u.query)) as ResultOf<R>;
    } catch (e) {
      throw e instanceof RpcError ? withMethod(e, method) : internalError(method, e);
    }
  }

  /**
   * Decodes `body` (a serialized request), runs it and encodes the answer.
   * Never rejects: undecodable input is answered 400 INPUT_FETCH_ERROR
   * (https://core.telegram.org/api/errors#400-bad-request), and a result
   * that does not fit the schema 500 INTERNAL_SERVER_ERROR.
   */
  async handleBytes(ctx: RequestContext, body: Uint8Array): Promise<EncodedReply> {
    let request: AnyRequest;
    try {
      request = decodeRequest(body);
    } catch {
      return errorReply(undefined, badRequest('INPUT_FETCH_ERROR'));
    }
    return this.handleRequest(ctx, request);
  }

  /**
   * Runs an already decoded request and encodes the answer (the test
   * server decodes each message once, within its packet's budget, and
   * passes the object here). Never rejects, like `handleBytes`.
   */
  async handleRequest(ctx: RequestContext, request: AnyRequest): Promise<EncodedReply> {
    let result: unknown;
    try {
      result = await this.handle(ctx, request);
    } catch (e) {
      return errorReply(request, e instanceof RpcError ? e : internalError(request._, e));
    }
    try {
      return { request, bytes: encodeResult(request, result) };
    } catch (e) {
      return errorReply(request, internalError(request._, e));
    }
  }

  /** True when the key (or the permanent key it is bound to) has sent `initConnection`. */
  private initialized(conn: ConnectionContext, now: number): boolean {
    if (conn.keyState().init !== undefined) return true;
    return this.backend.auth.permanent(this.dcId, conn.authKeyId, now).init !== undefined;
  }

  private own(ctx: RequestContext): ConnectionContext {
    if (!(ctx instanceof ConnectionContext) || ctx.owner !== this.backend) {
      throw new ArgumentError('request context was not made by this backend (use backend.connect / dc.connect)');
    }
    if (ctx.dcId !== this.dcId) throw new ArgumentError(`request context is for DC ${ctx.dcId}, not DC ${this.dcId}`);
    return ctx;
  }
}

function errorReply(request: AnyRequest | undefined, error: RpcError): EncodedReply {
  const bytes = encode({ _: 'rpc_error', error_code: error.code, error_message: error.text });
  return request === undefined ? { bytes, error } : { request, bytes, error };
}
