/**
 * One MTProto connection to one DC: a `Transport` (framing, obfuscation,
 * socket) under an `MtprotoSession` (sans-IO protocol), with the timers and
 * the reconnect loop — the thin, stateful part of the stack.
 *
 * - First use runs the auth key exchange over the transport (unless a stored
 *   key is given) and reports the new key (`auth-key` event) for storage.
 * - Requests are queued in the session and flushed whenever the transport is
 *   open; acks, pings and re-sends follow the session's deadlines.
 * - A dropped connection is reopened with exponential backoff and jitter; the
 *   session re-sends every unanswered request under its old msg_id, so each
 *   request resolves exactly once and the server can drop duplicates.
 * - A message that fails a security check is dropped and the connection is
 *   reopened (https://core.telegram.org/mtproto/security_guidelines).
 *
 * @example
 * ```ts
 * const conn = new Connection({ crypto, sockets: createNodeTcpFactory(), dcId: 2, host, port, rsaKeys, initConnection });
 * conn.on('auth-key', (k) => store.saveKey(2, k.authKey));
 * const config = await conn.invoke({ _: 'help.getConfig' });
 * conn.close();
 * ```
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { RsaPublicKey } from '../crypto/rsa.js';
import { TimeoutError, TransportError, WasmgramError } from '../errors.js';
import { bindTempAuthKeyRequest } from '../mtproto/bind-temp-auth-key.js';
import { ClientHandshake, type AuthKeyResult } from '../mtproto/handshake/index.js';
import { MtprotoSession, type SessionOptions } from '../mtproto/session/index.js';
import type { SessionEvent } from '../mtproto/session/events.js';
import type { InitConnectionFields } from '../mtproto/session/init-connection.js';
import type { AnyRequest, ResultOf } from '../tl/generated/types.js';
import { Emitter } from '../transport/emitter.js';
import type { CodecKind } from '../transport/frame.js';
import type { SocketFactory } from '../transport/socket.js';
import { Transport } from '../transport/transport.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';

/** An auth key as stored by a session store. */
export interface StoredAuthKey {
  /** The 256-byte key. Secret. */
  key: Uint8Array;
  /** Last known server salt. */
  serverSalt?: bigint;
  /** Last known server time − local time, seconds. */
  timeOffset?: number;
}

/** Options of {@link Connection}. */
export interface ConnectionOptions {
  crypto: CryptoProvider;
  /** Where sockets come from (`createNodeTcpFactory()`, `createDefaultSocketFactory()`, ...). */
  sockets: SocketFactory;
  /** The DC this connection talks to. */
  dcId: number;
  host: string;
  port: number;
  /** Framing (default `intermediate`). */
  codec?: CodecKind;
  /** obfuscated2 (default false; forced by WebSocket sockets and by `secret`). */
  obfuscated?: boolean;
  /** 16-byte MTProxy secret. */
  secret?: Uint8Array;
  /** DC id written in the obfuscated2 header and p_q_inner_data_dc (default `dcId`; +10000 for test DCs, negative for media). */
  protocolDcId?: number;
  /** Server keys trusted in the key exchange (default: Telegram's production keys). */
  rsaKeys?: readonly RsaPublicKey[];
  /** A stored auth key; without one the first connect runs the key exchange. */
  authKey?: StoredAuthKey;
  /**
   * Perfect forward secrecy (https://core.telegram.org/api/pfs): traffic uses
   * a temporary key of `expiresIn` seconds (default 86 400), bound to the
   * permanent key with auth.bindTempAuthKey, and replaced `renewBeforeS`
   * seconds (default 300) before it expires. The permanent key only signs bindings.
   */
  pfs?: { expiresIn?: number; renewBeforeS?: number };
  /** initConnection fields: the first API request of each connection is wrapped in invokeWithLayer(initConnection(...)). */
  initConnection?: InitConnectionFields;
  /** More session options (pings, acks, gzip, containers...). */
  session?: Omit<SessionOptions, 'crypto' | 'authKey' | 'serverSalt' | 'timeOffset' | 'initConnection'>;
  /** Reconnect backoff; `maxAttempts` consecutive failures (default unlimited) close the connection. */
  reconnect?: BackoffOptions & { maxAttempts?: number };
  /** Limit for one socket connect + key exchange, ms (default 15 000). */
  connectTimeoutMs?: number;
  /** Default limit for one request, ms (default none). */
  requestTimeoutMs?: number;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
}

/** Connection state, in order of a normal life. */
export type ConnectionState = 'idle' | 'connecting' | 'handshake' | 'ready' | 'reconnecting' | 'closed';

/** Events of a {@link Connection}. */
export type ConnectionEvents = {
  /** A new auth key was created (store it: it is the account's identity on this DC). */
  'auth-key': (result: AuthKeyResult) => void;
  /** A temporary key was created and bound (PFS); not to be stored. */
  'temp-key': (result: AuthKeyResult, expiresAt: number) => void;
  /** Updates and other unsolicited objects from the server, as plain TL objects (typed dispatch belongs to the updates layer; a union of every constructor here makes listener types too large for tsc). */
  update: (update: { readonly _: string }, msgId: bigint) => void;
  /** Every session event (salt changes, time sync, pongs, security errors...), for storage and logging. */
  session: (event: SessionEvent) => void;
  state: (state: ConnectionState) => void;
  /** A failure the connection recovers from by reconnecting (socket errors, security errors). */
  error: (error: Error) => void;
};

/** Options of one request. */
export interface InvokeOptions {
  /** Reject with `TimeoutError` (and drop the request) after this many ms. */
  timeoutMs?: number;
  /** Abort the request. */
  signal?: AbortSignal;
}

/** A connection to one DC. See the module comment. */
export class Connection extends Emitter<ConnectionEvents> {
  private stateValue: ConnectionState = 'idle';
  private transport: Transport | undefined;
  private session: MtprotoSession | undefined;
  private stored: StoredAuthKey | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private opening: Promise<void> | undefined;
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly now: () => number;
  /** The temporary key in use under PFS, and when it expires (unix seconds, server time). */
  private temp: { key: Uint8Array; authKeyId: Uint8Array; expiresAt: number } | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ConnectionOptions) {
    super();
    this.stored = options.authKey;
    this.now = options.now ?? Date.now;
  }

  /** Current state. */
  get state(): ConnectionState {
    return this.stateValue;
  }

  /** The auth key in use, once there is one (secret: never log it). */
  get authKey(): StoredAuthKey | undefined {
    return this.stored;
  }

  /** The session (for tests and tools); undefined before the first key. */
  get mtproto(): MtprotoSession | undefined {
    return this.session;
  }

  private setState(state: ConnectionState): void {
    if (this.stateValue === state) return;
    this.stateValue = state;
    this.emit('state', state);
  }

  /**
   * Opens the connection (socket, and the key exchange when there is no key).
   * Resolves when requests can flow; `invoke` calls it on first use.
   */
  connect(): Promise<void> {
    if (this.stateValue === 'closed') return Promise.reject(new WasmgramError('connection is closed'));
    if (this.stateValue === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.readyWaiters.push({ resolve, reject });
      if (!this.opening && this.reconnectTimer === undefined) void this.open();
    });
  }

  /** Sends one request; resolves with its typed result or rejects with `RpcError`, `TimeoutError`, ... */
  async invoke<R extends AnyRequest>(request: R, options: InvokeOptions = {}): Promise<ResultOf<R>> {
    if (!this.session) await this.connect();
    const session = this.session;
    if (!session || this.stateValue === 'closed') throw new WasmgramError('connection is closed');
    const handle = session.send(request);
    this.schedulePump();
    const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs;
    if (timeoutMs === undefined && !options.signal) return handle.promise;
    return new Promise<ResultOf<R>>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        if (timer !== undefined) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        done();
        session.cancel(handle.id);
        this.pump();
        reject(options.signal!.reason instanceof Error ? options.signal!.reason : new WasmgramError('request aborted'));
      };
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          done();
          session.cancel(handle.id);
          this.pump();
          reject(new TimeoutError(`${request._} got no answer within ${timeoutMs} ms`, timeoutMs));
        }, timeoutMs);
      }
      handle.promise.then(
        (v) => {
          done();
          resolve(v);
        },
        (e: Error) => {
          done();
          reject(e);
        },
      );
    });
  }

  /** Drops the socket now, as a network failure would (the connection reconnects). */
  dropConnection(): void {
    this.transport?.close();
  }

  /** Closes for good: pending requests reject, no reconnect. */
  close(): void {
    if (this.stateValue === 'closed') return;
    this.setState('closed');
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    if (this.renewTimer !== undefined) clearTimeout(this.renewTimer);
    this.timer = this.reconnectTimer = this.renewTimer = undefined;
    this.transport?.close();
    this.session?.close();
    this.failWaiters(new WasmgramError('connection closed'));
  }

  // ---------------------------------------------------------------- opening

  private async open(): Promise<void> {
    const run = this.openOnce();
    this.opening = run;
    try {
      await run;
      this.attempts = 0;
      const waiters = this.readyWaiters.splice(0);
      for (const w of waiters) w.resolve();
    } catch (e) {
      if (this.stateValue === 'closed') return;
      const error = e instanceof Error ? e : new WasmgramError(String(e));
      this.emit('error', error);
      this.transport?.close();
      this.scheduleReconnect(error);
    } finally {
      this.opening = undefined;
    }
  }

  private async openOnce(): Promise<void> {
    const o = this.options;
    this.setState(this.session ? 'reconnecting' : 'connecting');
    const transport = new Transport({
      sockets: o.sockets,
      codec: o.codec ?? 'intermediate',
      obfuscated: o.obfuscated ?? false,
      crypto: o.crypto,
      dcId: o.protocolDcId ?? o.dcId,
      ...(o.secret && { secret: o.secret }),
    });
    this.transport = transport;
    const limit = o.connectTimeoutMs ?? 15_000;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limit);
    try {
      await withTimeout(transport.connect(o.host, o.port, abort.signal), abort.signal, limit, 'connect');
      if (!this.stored) {
        this.setState('handshake');
        const result = await withTimeout(this.handshake(transport), abort.signal, limit, 'the key exchange');
        this.stored = { key: result.authKey, serverSalt: result.serverSalt, timeOffset: result.timeOffset };
        this.emit('auth-key', result);
      }
      let newTemp: AuthKeyResult | undefined;
      if (o.pfs && this.tempNeedsRenewal()) {
        this.setState('handshake');
        newTemp = await withTimeout(
          this.handshake(transport, o.pfs.expiresIn ?? 86_400),
          abort.signal,
          limit,
          'the temporary key exchange',
        );
      }
      if (this.stateValue === 'closed' || this.transport !== transport) throw new WasmgramError('connection closed while opening');
      if (newTemp) {
        const expiresAt = Math.floor(this.now() / 1000 + newTemp.timeOffset) + (o.pfs!.expiresIn ?? 86_400);
        this.temp = { key: newTemp.authKey, authKeyId: newTemp.authKeyId, expiresAt };
        if (this.session) this.handleEvents(this.session.rekey(newTemp.authKey));
        else this.session = this.createSession({ key: newTemp.authKey, timeOffset: newTemp.timeOffset });
        this.session.serverSalt = newTemp.serverSalt;
        this.attach(transport);
        await withTimeout(this.bindTemp(this.session, newTemp, expiresAt), abort.signal, limit, 'auth.bindTempAuthKey');
        this.emit('temp-key', newTemp, expiresAt);
        this.scheduleRenewal();
      }
    } finally {
      clearTimeout(timer);
    }
    if ((this.stateValue as ConnectionState) === 'closed' || this.transport !== transport) {
      transport.close();
      throw new WasmgramError('connection closed while opening');
    }
    if (!this.session) this.session = this.createSession(this.stored!);
    this.attach(transport);
    this.setState('ready');
    this.pump();
  }

  private attached: Transport | undefined;

  /** Routes the transport's packets to the session (once per transport). */
  private attach(transport: Transport): void {
    if (this.attached === transport) return;
    this.attached = transport;
    transport.on('packet', (p) => this.onPacket(transport, p));
    transport.on('error', (e) => this.onTransportError(transport, e));
    transport.on('close', () => this.onTransportClose(transport));
  }

  /** True when PFS needs a (new) temporary key: none yet, or it expires within `renewBeforeS`. */
  private tempNeedsRenewal(): boolean {
    if (!this.temp) return true;
    const serverNow = this.now() / 1000 + (this.session?.timeOffset ?? 0);
    return this.temp.expiresAt - serverNow <= (this.options.pfs?.renewBeforeS ?? 300);
  }

  /** Binds the new temporary key to the permanent one; every other query waits for it. */
  private async bindTemp(session: MtprotoSession, temp: AuthKeyResult, expiresAt: number): Promise<void> {
    const req = bindTempAuthKeyRequest({
      crypto: this.options.crypto,
      permAuthKey: this.stored!.key,
      tempAuthKeyId: temp.authKeyId,
      tempSessionId: session.sessionId,
      expiresAt,
    });
    const handle = session.send(req.build(0n), { build: req.build, barrier: true });
    this.pump(true);
    const ok = await handle.promise;
    if (ok !== true) throw new WasmgramError('auth.bindTempAuthKey was not accepted');
  }

  /** Reconnects with a fresh temporary key shortly before the current one expires. */
  private scheduleRenewal(): void {
    if (this.renewTimer !== undefined) clearTimeout(this.renewTimer);
    if (!this.temp || !this.options.pfs) return;
    const serverNow = this.now() / 1000 + (this.session?.timeOffset ?? 0);
    const inMs = Math.max(0, (this.temp.expiresAt - serverNow - (this.options.pfs.renewBeforeS ?? 300)) * 1000);
    this.renewTimer = setTimeout(
      () => {
        this.renewTimer = undefined;
        if (this.stateValue === 'ready') this.transport?.close(); // the reconnect makes and binds a new key
      },
      Math.min(inMs, 2 ** 31 - 1),
    );
  }

  private createSession(stored: StoredAuthKey): MtprotoSession {
    const o = this.options;
    return new MtprotoSession({
      ...o.session,
      crypto: o.crypto,
      authKey: stored.key,
      ...(stored.serverSalt !== undefined && { serverSalt: stored.serverSalt }),
      ...(stored.timeOffset !== undefined && { timeOffset: stored.timeOffset }),
      ...(o.initConnection && { initConnection: o.initConnection }),
    });
  }

  /** Runs the key exchange's plain messages over `transport`. */
  private handshake(transport: Transport, expiresIn?: number): Promise<AuthKeyResult> {
    const o = this.options;
    const hs = new ClientHandshake({
      crypto: o.crypto,
      dcId: o.protocolDcId ?? o.dcId,
      ...(o.rsaKeys && { rsaKeys: o.rsaKeys }),
      ...(expiresIn !== undefined && { expiresIn }),
      clock: this.now,
    });
    return new Promise<AuthKeyResult>((resolve, reject) => {
      const offs: (() => void)[] = [];
      const finish = (error: Error | undefined, result?: AuthKeyResult) => {
        for (const off of offs) off();
        if (error) reject(error);
        else resolve(result!);
      };
      offs.push(
        transport.on('packet', (packet) => {
          try {
            const out = hs.receive(packet);
            if (out.done) finish(undefined, out.done);
            else transport.send(out.request);
          } catch (e) {
            finish(e instanceof Error ? e : new WasmgramError(String(e)));
          }
        }),
        transport.on('error', (e) => finish(e)),
        transport.on('close', () => finish(new TransportError('connection closed during the key exchange'))),
      );
      transport.send(hs.start());
    });
  }

  private scheduleReconnect(cause: Error): void {
    if (this.stateValue === 'closed' || this.reconnectTimer !== undefined) return;
    const max = this.options.reconnect?.maxAttempts ?? Infinity;
    if (this.attempts >= max) {
      const error = new TransportError(`gave up after ${this.attempts} reconnect attempts: ${cause.message}`);
      this.failWaiters(error);
      this.close();
      return;
    }
    const delay = backoffDelay(this.attempts++, this.options.reconnect);
    this.setState('reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.open();
    }, delay);
  }

  private failWaiters(error: Error): void {
    for (const w of this.readyWaiters.splice(0)) w.reject(error);
  }

  // ---------------------------------------------------------------- running

  private onPacket(transport: Transport, packet: Uint8Array): void {
    if (transport !== this.transport || !this.session) return;
    this.handleEvents(this.session.receive(packet, this.now()));
    this.pump();
  }

  private onTransportError(transport: Transport, error: TransportError): void {
    if (transport !== this.transport) return;
    this.emit('error', error);
    if (error.code === -404 && this.session) {
      // The server does not know this auth key (any more): start over with a new one.
      this.session.close();
      this.session = undefined;
      this.stored = undefined;
      transport.close();
    }
  }

  private onTransportClose(transport: Transport): void {
    if (transport !== this.transport || this.stateValue === 'closed') return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.session?.onConnectionLost();
    this.scheduleReconnect(new TransportError('connection lost'));
  }

  private handleEvents(events: SessionEvent[]): void {
    for (const event of events) {
      this.emit('session', event);
      switch (event.type) {
        case 'update':
          this.emit('update', event.update, event.msgId);
          break;
        case 'salt_changed':
          if (this.stored) this.stored.serverSalt = event.salt;
          break;
        case 'time_synced':
          if (this.stored) this.stored.timeOffset = event.timeOffset;
          break;
        case 'security_error':
        case 'ping_timeout':
          // Drop the connection; the reconnect re-sends what is pending.
          this.emit('error', event.type === 'security_error' ? event.error : new TransportError('no pong: connection presumed dead'));
          this.transport?.close();
          break;
        default:
          break;
      }
    }
  }

  private pumpQueued = false;

  /**
   * Flushes at the end of the current microtask: requests invoked together
   * (a loop of `invoke`s, `Promise.all`) go out in one container instead of
   * one packet each.
   */
  private schedulePump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Writes whatever the session has to send and re-arms the timer. */
  private pump(binding = false): void {
    const session = this.session;
    const transport = this.transport;
    if (!session || !transport || transport.state !== 'open') return;
    if (this.stateValue !== 'ready' && !(binding || (this.stateValue === 'handshake' && this.attached === transport))) return;
    const now = this.now();
    for (const packet of session.flush(now)) transport.send(packet);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const deadline = session.nextDeadline(now);
    if (deadline !== undefined) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          if (!this.session) return;
          this.handleEvents(this.session.tick(this.now()));
          this.pump();
        },
        Math.max(0, deadline - now),
      );
    }
  }
}

function withTimeout<T>(promise: Promise<T>, signal: AbortSignal, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new TimeoutError(`${what} took longer than ${ms} ms`, ms));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
