/**
 * One MTProto connection to one DC: a `Transport` (framing, obfuscation,
 * socket) under an `MtprotoSession` (sans-IO protocol), with the timers and
 * the reconnect loop — the thin, stateful part of the stack.
 *
 * - First use runs the auth key exchange over the transport (unless a stored
 *   key is given) and reports the new key (`auth-key` event) for storage.
 * - Requests are queued in the session and flushed whenever the transport is
 *   open; acks, pings and re-sends follow the session's deadlines.
 * - **Deadlines hold.** `invoke({ timeoutMs, signal })` covers the whole call:
 *   opening the socket, the key exchange, PFS binding, the request itself.
 *   A connection that cannot open rejects everyone waiting for it with a
 *   `TransportError` (carrying the last failure as `cause`) once its attempts
 *   (`reconnect.maxAttempts`, default 8) or its round deadline
 *   (`reconnect.giveUpAfterMs`, default 60 s) are spent, and stops retrying
 *   until the next call; each attempt is bounded by `connectTimeoutMs`.
 *   `close()` rejects everything pending.
 * - **Backoff keeps growing** (exponential, with jitter) across connections
 *   that open and then fail at once, and returns to its first step only after
 *   a healthy connection — one that answered and stayed up for
 *   `reconnect.healthyAfterMs` (see reconnect-policy.ts). A server that sends
 *   one bad packet per connection therefore gets fewer and fewer reconnects.
 *   The session re-sends every unanswered request under its old msg_id on the
 *   new connection, so each request resolves exactly once.
 * - **-404 is not trusted blindly.** Transport error codes are unauthenticated
 *   (https://core.telegram.org/mtproto/mtproto-transports#transport-errors).
 *   Under PFS a -404 only costs the temporary key: a new one is made and
 *   bound. A permanent key is discarded only when the loss is confirmed: the
 *   first answer on two fresh connections in a row is again -404, with nothing
 *   decrypted in between (key-loss.ts). Then `auth-key-lost` is emitted (the
 *   application / storage layer deletes the stored key: the login is gone),
 *   pending calls reject, and the next connection makes a new key. A single
 *   injected -404 on a working key only costs a reconnect.
 * - A message that fails a security check is dropped and the connection is
 *   reopened (https://core.telegram.org/mtproto/security_guidelines).
 * - Secrets stay out of logs: a `Connection`, its `authKey` (`StoredAuthKey`)
 *   and the `AuthKeyResult`s it emits print as `[redacted]` (ts/redact.ts).
 *
 * @example
 * ```ts
 * const conn = new Connection({ crypto, sockets: createNodeTcpFactory(), dcId: 2, host, port, rsaKeys, initConnection });
 * conn.on('auth-key', (k) => store.saveKey(2, k.authKey));
 * conn.on('auth-key-lost', () => store.deleteKey(2));
 * const config = await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 10_000 });
 * conn.close();
 * ```
 */
import { TimeoutError, TransportError, WasmgramError } from '../errors.js';
import type { AuthKeyResult } from '../mtproto/handshake/index.js';
import { queueTempKeyBinding, TempKeySchedule } from '../mtproto/pfs.js';
import type { SessionEvent } from '../mtproto/session/events.js';
import { MtprotoSession } from '../mtproto/session/index.js';
import { redact } from '../redact.js';
import type { AnyRequest, ResultOf } from '../tl/generated/types.js';
import { Emitter } from '../transport/emitter.js';
import type { Transport } from '../transport/transport.js';
import type { ConnectionEvents, ConnectionOptions, ConnectionState, InvokeOptions, StoredAuthKey } from './connection-types.js';
import { giveUpError } from './give-up-error.js';
import { closedSignal, runKeyExchange, withTimeout } from './key-exchange.js';
import { AuthKeyLossDetector } from './key-loss.js';
import { ReconnectPolicy } from './reconnect-policy.js';
import { openConnectionTransport, socketsInUse } from './open-transport.js';

export type {
  AuthKeyLost,
  ConnectionEvents,
  ConnectionOptions,
  ConnectionState,
  InvokeOptions,
  StoredAuthKey,
} from './connection-types.js';

/** An `invoke` that has not settled yet. */
interface PendingCall {
  /** Rejects the call (and drops its request from the session). */
  fail(error: Error): void;
}

/** A connection to one DC. See the module comment. */
export class Connection extends Emitter<ConnectionEvents> {
  private stateValue: ConnectionState = 'idle';
  private transport: Transport | undefined;
  private session: MtprotoSession | undefined;
  private stored: StoredAuthKey | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private opening: Promise<void> | undefined;
  private attemptAbort: AbortController | undefined;
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly calls = new Set<PendingCall>();
  private readonly now: () => number;
  private readonly policy: ReconnectPolicy;
  private readonly keyLoss: AuthKeyLossDetector;
  /** The last failure of the current connection or attempt (what waiting callers are told when the connection gives up). */
  private lastError: Error | undefined;
  /** Under `transports`: the label of the candidate in use (won a race, or preferred by the pool); forgotten when a round gives up. */
  private chosenTransport: string | undefined;
  /** The temporary key in use under PFS and its renewal (ts/mtproto/pfs.ts). */
  private readonly pfs: TempKeySchedule;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ConnectionOptions) {
    super();
    this.stored = options.authKey && redactStored(options.authKey);
    this.now = options.now ?? Date.now;
    this.policy = new ReconnectPolicy(options.reconnect, this.now, options.random);
    this.keyLoss = new AuthKeyLossDetector(options.keyLossConfirmations);
    this.pfs = new TempKeySchedule(options.pfs);
    this.chosenTransport = options.preferredTransport;
    // Holds the key (options.authKey, the session, PFS keys): never print it.
    redact(this, `Connection(dc ${options.dcId})`);
  }

  /** Current state. */
  get state(): ConnectionState {
    return this.stateValue;
  }

  /** The auth key in use, once there is one (secret: prints as `[redacted]`, never log its bytes). */
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
   * Resolves when requests can flow; rejects with `TransportError` when the
   * connection gives up (see `reconnect`) or is closed, with `TimeoutError`
   * after `options.timeoutMs`, or with the signal's reason when it aborts
   * (the connection keeps trying for other callers). `invoke` calls it on first use.
   */
  connect(options: InvokeOptions = {}): Promise<void> {
    if (this.stateValue === 'closed') return Promise.reject(new TransportError('connection is closed'));
    if (this.stateValue === 'ready' && this.session) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const { signal, timeoutMs } = options;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (error?: unknown) => {
        const at = this.readyWaiters.indexOf(waiter);
        if (at < 0) return;
        this.readyWaiters.splice(at, 1);
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const waiter = { resolve: () => settle(), reject: (e: Error) => settle(e) };
      const onAbort = () => settle(signal!.reason instanceof Error ? signal!.reason : new WasmgramError('connect aborted'));
      this.readyWaiters.push(waiter);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => settle(new TimeoutError(`the connection did not open within ${timeoutMs} ms`, timeoutMs)), timeoutMs);
      }
      this.ensureOpening();
    });
  }

  /**
   * Sends one request; resolves with its typed result or rejects with
   * `RpcError`, `TimeoutError` (the deadline passed — connecting included),
   * `TransportError` (the connection could not be opened, or was closed), ...
   */
  invoke<R extends AnyRequest>(request: R, options: InvokeOptions = {}): Promise<ResultOf<R>> {
    return new Promise<ResultOf<R>>((resolve, reject) => {
      if (this.stateValue === 'closed') return reject(new TransportError('connection is closed'));
      const { signal } = options;
      const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let cancel: (() => void) | undefined;
      const finish = (error: unknown, value?: ResultOf<R>) => {
        if (!this.calls.delete(call)) return;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error !== undefined) reject(error);
        else resolve(value!);
      };
      const call: PendingCall = {
        fail: (error) => {
          if (!this.calls.has(call)) return;
          cancel?.();
          finish(error);
        },
      };
      const onAbort = () => {
        call.fail(signal!.reason instanceof Error ? signal!.reason : new WasmgramError('request aborted'));
        this.pump();
      };
      this.calls.add(call);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const why =
            this.stateValue === 'ready'
              ? ''
              : ` (${STATE_WORDS[this.stateValue]}${this.lastError ? `; last error: ${this.lastError.message}` : ''})`;
          call.fail(new TimeoutError(`${request._} got no answer within ${timeoutMs} ms${why}`, timeoutMs));
          this.pump();
        }, timeoutMs);
      }
      const start = () => {
        if (!this.calls.has(call)) return;
        const session = this.session;
        if (!session || this.stateValue === 'closed') return finish(new TransportError('connection is closed'));
        let handle: ReturnType<typeof session.send<R>>;
        try {
          handle = session.send(request);
        } catch (e) {
          // A request that cannot be encoded (TlError) fails alone.
          return finish(e);
        }
        cancel = () => session.cancel(handle.id);
        this.schedulePump();
        handle.promise.then(
          (v) => finish(undefined, v),
          (e: unknown) => finish(e ?? new WasmgramError('request failed')),
        );
      };
      if (this.session) {
        // Queued in the session; it goes out as soon as a connection is open.
        start();
        this.ensureOpening();
      } else {
        // Waits for the connection; a call that fails first (deadline, abort) stops waiting.
        const waiting = new AbortController();
        cancel = () => waiting.abort();
        this.connect({ signal: waiting.signal }).then(start, (e: unknown) => finish(e));
      }
    });
  }

  /** Drops the socket now, as a network failure would (the connection reconnects). */
  dropConnection(): void {
    this.transport?.close();
  }

  /** Closes for good: pending requests and callers waiting for the connection reject, no reconnect. */
  close(): void {
    if (this.stateValue === 'closed') return;
    this.setState('closed');
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    if (this.renewTimer !== undefined) clearTimeout(this.renewTimer);
    this.timer = this.reconnectTimer = this.renewTimer = undefined;
    this.attemptAbort?.abort();
    this.transport?.close();
    this.rejectEveryone(new TransportError('connection closed'));
    this.session?.close();
  }

  // ---------------------------------------------------------------- opening

  /** Starts opening (now, or when the backoff allows) unless an attempt is running or scheduled. */
  private ensureOpening(): void {
    if (this.stateValue === 'closed' || this.stateValue === 'ready') return;
    if (this.opening || this.reconnectTimer !== undefined) return;
    const delay = this.policy.delayBeforeAttempt();
    if (delay <= 0) void this.open();
    else this.scheduleOpen(delay);
  }

  private scheduleOpen(delayMs: number): void {
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.open();
    }, delayMs);
  }

  private async open(): Promise<void> {
    if (this.opening || this.stateValue === 'closed') return;
    this.policy.attemptStarting();
    const run = this.openOnce();
    this.opening = run;
    try {
      await run;
      this.policy.opened();
      for (const w of [...this.readyWaiters]) w.resolve();
    } catch (e) {
      if ((this.stateValue as ConnectionState) === 'closed') return;
      const error = e instanceof Error ? e : new WasmgramError(String(e));
      this.lastError = error;
      this.emit('error', error);
      this.opening = undefined;
      // Detach the failed transport first, so its late close event is not counted as a second failure.
      const failed = this.transport;
      this.transport = undefined;
      failed?.close();
      this.connectionFailed(error);
    } finally {
      this.opening = undefined;
    }
  }

  private async openOnce(): Promise<void> {
    const o = this.options;
    this.setState(this.session ? 'reconnecting' : 'connecting');
    const limit = o.connectTimeoutMs ?? 15_000;
    const abort = new AbortController();
    this.attemptAbort = abort;
    const timer = setTimeout(() => abort.abort(), limit);
    try {
      const transport = await withTimeout(this.openTransport(abort.signal), abort.signal, limit, 'connect');
      if (!this.stored) {
        this.setState('handshake');
        const result = await withTimeout(this.handshake(transport), abort.signal, limit, 'the key exchange');
        this.stored = redactStored({ key: result.authKey, serverSalt: result.serverSalt, timeOffset: result.timeOffset });
        this.emit('auth-key', result);
      }
      if (o.pfs && this.pfs.needsNewKey(this.now(), this.session?.timeOffset ?? 0)) {
        this.setState('handshake');
        const temp = await withTimeout(this.handshake(transport, this.pfs.expiresIn), abort.signal, limit, 'the temporary key exchange');
        await withTimeout(this.useTempKey(transport, temp), abort.signal, limit, 'auth.bindTempAuthKey');
      }
      if ((this.stateValue as ConnectionState) === 'closed' || this.transport !== transport || transport.state !== 'open') {
        transport.close();
        throw new TransportError('connection closed while opening');
      }
      if (!this.session) this.session = this.createSession(this.stored!);
      this.attach(transport);
      this.setState('ready');
      // HTTP: keep one request open from the start, so updates have something to ride on.
      if (this.longPoll) this.session.poll();
      this.pump();
    } finally {
      clearTimeout(timer);
      if (this.attemptAbort === abort) this.attemptAbort = undefined;
    }
  }

  /**
   * Opens the socket (open-transport.ts): the configured one, or under
   * `transports` the candidate that won before (no race), else a race of
   * them all whose winner is kept for the reconnects.
   */
  private async openTransport(signal: AbortSignal): Promise<Transport> {
    const { transport, won } = await openConnectionTransport(this.options, {
      chosen: this.chosenTransport,
      signal,
      now: this.now,
      onTransport: (t) => {
        this.transport = t;
      },
      isClosed: () => this.stateValue === 'closed',
    });
    if (won !== undefined) {
      this.chosenTransport = won;
      this.transport = transport;
      this.emit('transport', won);
    }
    return transport;
  }

  private attached: Transport | undefined;

  /** Routes the transport's packets to the session (once per transport); a fresh connection for the -404 rule. */
  private attach(transport: Transport): void {
    if (this.attached === transport) return;
    this.attached = transport;
    this.keyLoss.connectionOpened();
    this.lastError = undefined;
    transport.on('packet', (p) => this.onPacket(transport, p));
    transport.on('error', (e) => this.onTransportError(transport, e));
    transport.on('close', () => this.onTransportClose(transport));
    transport.on('poll', () => this.onPoll(transport));
  }

  /** HTTP: no request is open, so the server cannot answer until a poll (`http_wait`) goes out. */
  private onPoll(transport: Transport): void {
    if (transport !== this.transport || this.stateValue !== 'ready' || !this.session) return;
    this.session.poll();
    this.pump();
  }

  /**
   * PFS: moves the session to a fresh temporary key and binds it to the
   * permanent one over `transport` (the binding is a barrier: other queries
   * wait for it), then schedules the renewal. Rejects when the transport closes first.
   */
  private async useTempKey(transport: Transport, result: AuthKeyResult): Promise<void> {
    if (this.stateValue === 'closed' || this.transport !== transport) throw new TransportError('connection closed while opening');
    const temp = this.pfs.adopt(result, this.now());
    if (this.session) this.handleEvents(this.session.rekey(temp.key));
    else this.session = this.createSession({ key: temp.key, timeOffset: result.timeOffset });
    this.session.serverSalt = result.serverSalt;
    this.attach(transport);
    const closed = closedSignal(transport, 'auth.bindTempAuthKey');
    try {
      const bound = queueTempKeyBinding(this.session, { crypto: this.options.crypto, permAuthKey: this.stored!.key, temp });
      this.pump(true);
      await Promise.race([bound, closed.promise]);
    } finally {
      closed.off();
    }
    // The attempt may have timed out meanwhile: a late binding must not schedule anything.
    if (this.transport !== transport) throw new TransportError('connection closed while opening');
    this.emit('temp-key', result, temp.expiresAt);
    this.scheduleRenewal();
  }

  /** Reconnects with a fresh temporary key shortly before the current one expires (the reconnect makes and binds it). */
  private scheduleRenewal(): void {
    if (this.renewTimer !== undefined) clearTimeout(this.renewTimer);
    const inMs = this.pfs.renewalDelayMs(this.now(), this.session?.timeOffset ?? 0);
    if (inMs === undefined) return;
    this.renewTimer = setTimeout(() => {
      this.renewTimer = undefined;
      if (this.stateValue === 'ready') this.transport?.close();
    }, inMs);
  }

  /** The sockets are request/response (HTTP): the session sends `http_wait` (https://core.telegram.org/mtproto/transports#http). */
  private get longPoll(): boolean {
    return socketsInUse(this.options, this.chosenTransport)?.longPoll === true;
  }

  private createSession(stored: StoredAuthKey): MtprotoSession {
    const o = this.options;
    return new MtprotoSession({
      ...(this.longPoll && { httpWait: true }),
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
    return runKeyExchange(transport, {
      crypto: o.crypto,
      dcId: o.protocolDcId ?? o.dcId,
      ...(o.rsaKeys && { rsaKeys: o.rsaKeys }),
      ...(expiresIn !== undefined && { expiresIn }),
      clock: this.now,
    });
  }

  /** An attempt failed or a connection was lost: reconnect after the backoff, or give up. */
  private connectionFailed(cause: Error): void {
    if (this.stateValue === 'closed' || this.reconnectTimer !== undefined || this.opening) return;
    const verdict = this.policy.failed();
    if (verdict.giveUp) {
      this.giveUp(cause);
      return;
    }
    this.setState('reconnecting');
    this.scheduleOpen(verdict.delayMs);
  }

  /** Rejects everyone waiting and stops retrying; the next call starts a new round (after the backoff reached so far). */
  private giveUp(cause: Error): void {
    const error = giveUpError(this.options.dcId, cause);
    // The kind that worked before may be what broke: the next round races them all again.
    this.chosenTransport = undefined;
    const transport = this.transport;
    this.transport = undefined;
    transport?.close();
    this.setState('idle');
    this.rejectEveryone(error);
  }

  private rejectEveryone(error: Error): void {
    for (const w of [...this.readyWaiters]) w.reject(error);
    for (const call of [...this.calls]) call.fail(error);
  }

  // ---------------------------------------------------------------- running

  private onPacket(transport: Transport, packet: Uint8Array): void {
    if (transport !== this.transport || !this.session) return;
    let events: SessionEvent[];
    try {
      events = this.session.receive(packet, this.now());
    } catch (e) {
      // The session reports bad input as events; anything thrown is treated the same way: drop the connection.
      const error = e instanceof Error ? e : new WasmgramError(String(e));
      this.lastError = error;
      this.emit('error', error);
      transport.close();
      return;
    }
    if (!events.some((e) => e.type === 'security_error')) {
      // It decrypted and passed the checks: the server knows the key and the connection works.
      this.keyLoss.decrypted();
      this.policy.answered();
    }
    this.handleEvents(events);
    this.pump();
  }

  private onTransportError(transport: Transport, error: TransportError): void {
    if (transport !== this.transport) return;
    this.lastError = error;
    this.emit('error', error);
    if (error.code !== -404 || !this.session) return;
    if (this.pfs.current) {
      // PFS: the server does not know the temporary key (expired, or forgotten): make and bind a new one.
      this.pfs.forget();
      transport.close();
      return;
    }
    if (this.keyLoss.notFound() === 'lost') this.loseKey(error);
    transport.close();
  }

  /** The server confirmed it does not know the permanent key: report it, drop the session, start over with a new key. */
  private loseKey(error: TransportError): void {
    const session = this.session!;
    const authKeyId = session.authKeyId.slice();
    const lost = new TransportError(`the auth key of DC ${this.options.dcId} is no longer known to the server (-404, confirmed)`, -404);
    this.rejectEveryone(lost);
    session.close();
    this.session = undefined;
    this.stored = undefined;
    this.setState('reconnecting');
    this.emit('auth-key-lost', { dcId: this.options.dcId, authKeyId, error });
  }

  private onTransportClose(transport: Transport): void {
    if (transport !== this.transport || this.stateValue === 'closed') return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.session?.onConnectionLost();
    this.lastError ??= new TransportError('connection lost');
    if (this.opening) return; // the attempt in progress fails and reports it
    this.connectionFailed(this.lastError);
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
        case 'ping_timeout': {
          // Drop the connection; the reconnect re-sends what is pending.
          const error = event.type === 'security_error' ? event.error : new TransportError('no pong: connection presumed dead');
          this.lastError = error;
          this.emit('error', error);
          this.transport?.close();
          break;
        }
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
    try {
      for (const packet of session.flush(now)) transport.send(packet);
    } catch (e) {
      // pump runs from timers and microtasks: a failure here (a packet the framing refuses) must not escape.
      const error = e instanceof Error ? e : new WasmgramError(String(e));
      this.lastError = error;
      this.emit('error', error);
      transport.close();
      return;
    }
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

/** How a timeout message describes a connection that is not ready. */
const STATE_WORDS: Record<ConnectionState, string> = {
  idle: 'not connected',
  connecting: 'still connecting',
  handshake: 'in the key exchange',
  ready: 'connected',
  reconnecting: 'reconnecting',
  closed: 'closed',
};

/** Marks a stored key so it prints as `StoredAuthKey [redacted]` (a copy when the caller's object cannot take the marks). */
function redactStored(stored: StoredAuthKey): StoredAuthKey {
  return redact(Object.isExtensible(stored) ? stored : { ...stored }, 'StoredAuthKey');
}
