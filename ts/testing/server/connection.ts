/**
 * One client connection to one DC of the test server: the transport stream
 * (framing detected from the first bytes, obfuscated2 or not), the key
 * exchange for unencrypted messages, encrypted packets handed to
 * encrypted-packet.ts, the in-memory Telegram context of every auth key used
 * on it, and the `ping_delay_disconnect` timer. Sockets stay outside: the
 * listener passes bytes in and gets bytes out through `ConnectionSocket`.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import { SecurityError, TlError, TransportError } from '../../errors.js';
import { longFromBytes } from '../../mtproto/index.js';
import { type KeyExchangeVariant, ServerHandshake } from '../../mtproto/server-side.js';
import { encode, nameOf } from '../../tl/codec/index.js';
import type { Updates } from '../../tl/generated/types.js';
import { createServerStream, type ServerStream, type ServerStreamInfo } from '../../transport/index.js';
import { traceBody } from '../layers/index.js';
import type { RequestContext } from '../telegram/index.js';
import { countSent, type DcRuntime, unixNow } from './dc-runtime.js';
import { handleEncryptedPacket } from './encrypted-packet.js';
import type { StoredKey } from './key-store.js';
import type { LimitReason } from './limits.js';
import type { Outgoing, SessionCarrier, SessionState } from './session-state.js';

/** The socket under a connection, as the listener adapts it. */
export interface ConnectionSocket {
  /** Queues bytes. */
  write(bytes: Uint8Array): void;
  /** Closes once the queued bytes are written. */
  end(): void;
  /** Closes at once (a dropped network). */
  destroy(): void;
  /**
   * HTTP only: the packet being handled carried `http_wait`, so its request
   * may be held up to `maxWaitMs` for something to answer
   * (https://core.telegram.org/mtproto/service_messages#http-wait-long-poll).
   */
  holdFor?(maxWaitMs: number): void;
}

/** How a listener configures its connections. */
export interface ConnectionOptions {
  /** Refuse plain (non-obfuscated) streams, as WebSocket endpoints do. */
  obfuscatedOnly: boolean;
  /** Called once when the connection is gone. */
  onClose: (conn: Connection) => void;
}

/** What a connection keeps per auth key used on it. */
interface KeyUse {
  readonly key: StoredKey;
  readonly ctx: RequestContext;
  /** The session that last sent on this connection with this key: updates go there. */
  session: SessionState | undefined;
}

/** The p_q_inner_data_dc values a DC accepts: its id, +10000 on test DCs, negative for media (https://core.telegram.org/mtproto/auth_key). */
function dcMatches(sent: number, dcId: number): boolean {
  const abs = Math.abs(sent);
  return abs === dcId || abs === 10000 + dcId;
}

/** One accepted connection. */
export class Connection implements SessionCarrier {
  private readonly stream: ServerStream;
  private handshake: ServerHandshake | undefined;
  private readonly uses = new Map<bigint, KeyUse>();
  private disconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private state: 'open' | 'closing' | 'closed' = 'open';
  /** Timer of the next limit deadline (first frame, authentication, idle). */
  private limitTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly openedAt = performance.now();
  private lastReceived = this.openedAt;
  private gotFrame = false;
  /** A key exchange finished here, or a packet opened under a known key: the buffer cap no longer applies. */
  private authenticated = false;
  /** Packets waiting in the key exchange queue, and their bytes. */
  private backlog = 0;
  private backlogBytes = 0;
  /** A key exchange step was answered and the next one is awaited (the connection keeps its slot). */
  private exchanging = false;

  constructor(
    readonly rt: DcRuntime,
    private readonly socket: ConnectionSocket,
    private readonly options: ConnectionOptions,
  ) {
    this.stream = createServerStream({ crypto: rt.crypto, obfuscatedOnly: options.obfuscatedOnly, random: rt.random });
    rt.stats.connections++;
    this.armLimits();
  }

  /** True until the connection starts closing. */
  get open(): boolean {
    return this.state === 'open';
  }

  /** The client's transport, once detected. */
  get transport(): ServerStreamInfo | undefined {
    return this.stream.info;
  }

  /** The client's `http_wait`: how long the request that carried it may be held (HTTP only; ignored on streams). */
  httpWait(maxWaitMs: number): void {
    this.socket.holdFor?.(maxWaitMs);
  }

  /** Bytes from the socket. A framing error closes the connection. */
  receive(chunk: Uint8Array): void {
    if (this.state !== 'open') return;
    this.lastReceived = performance.now();
    let frames;
    try {
      frames = this.stream.feed(chunk);
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      this.rt.stats.securityDrops++;
      this.destroy();
      return;
    }
    if (frames.length > 0) this.gotFrame = true;
    if (!this.authenticated && this.overBufferCap()) {
      this.closeForLimit('buffer');
      return;
    }
    for (const frame of frames) {
      if (this.state !== 'open') return;
      if (frame.type !== 'packet') continue;
      try {
        this.packet(frame.payload, frame.quickAck);
      } catch (e) {
        // A bug here, not bad input (bad input is answered or dropped above).
        this.rt.onError(e);
        this.destroy();
      }
    }
  }

  /** The socket closed (either side). */
  closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.disconnectTimer !== undefined) clearTimeout(this.disconnectTimer);
    if (this.limitTimer !== undefined) clearTimeout(this.limitTimer);
    this.rt.handshakes.release(this);
    for (const use of this.uses.values()) {
      use.ctx.close();
      if (use.session?.carrier === this) use.session.carrier = undefined;
    }
    this.uses.clear();
    this.stream.dispose();
    this.options.onClose(this);
  }

  /** Closes after the queued bytes are written. */
  end(): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.socket.end();
  }

  /** Closes at once. */
  destroy(): void {
    if (this.state === 'closed') return;
    this.state = 'closing';
    this.socket.destroy();
  }

  // ------------------------------------------------------------------ used by the packet handlers

  /** The in-memory Telegram context for `key` on this connection (made on first use; updates flow from then on). */
  contextFor(key: StoredKey): RequestContext {
    return this.use(key).ctx;
  }

  /** Records that `session` (of `key`) sent on this connection. */
  setSession(key: StoredKey, session: SessionState): void {
    this.use(key).session = session;
  }

  /**
   * Seals `messages` for `session` and writes them, through the fault
   * switches. When this connection is gone, the session's current
   * connection carries them; with none, they wait (unacknowledged) for the
   * session's next connection.
   */
  sendEncrypted(key: StoredKey, session: SessionState, messages: readonly Outgoing[]): void {
    if (key.destroyed || messages.length === 0) return;
    const nowMs = this.rt.clock();
    const tracer = this.rt.tracer;
    const where = tracer && { dc: this.rt.dcId, conn: this, authKeyId: key.id, sessionId: session.sessionId };
    const packets = session.compose(
      messages,
      key.salts.current(Math.floor(nowMs / 1000)),
      nowMs,
      where &&
        ((msgId, seqNo, m) => tracer!.message('out', where, traceBody(key.servedLayer, key.askedLayer, { msgId, seqNo, body: m.body }))),
    );
    for (const m of messages) countSent(this.rt.stats, nameOfBody(m.body));
    const via = this.open ? this : session.carrier instanceof Connection && session.carrier.open ? session.carrier : undefined;
    if (!via) return;
    for (const p of packets) this.rt.faults.outgoing(p, (bytes) => via.writePacket(bytes));
  }

  /** Answers with transport error `code` and closes (https://core.telegram.org/mtproto/mtproto-transports#transport-errors). */
  sendTransportError(code: number, why = 'injected fault'): void {
    this.rt.stats.transportErrors++;
    this.rt.tracer?.note({ dc: this.rt.dcId, conn: this }, 'transport_error', `${code}: ${why}`);
    if (this.stream.info) this.writeRaw(this.stream.encodeError(code));
    this.end();
  }

  /** Writes a quick ACK for a packet that asked for one. */
  sendQuickAck(token: number): void {
    if (!this.open || !this.stream.info || this.stream.info.codec === 'full') return;
    this.writeRaw(this.stream.encodeQuickAck(token));
  }

  /** A packet failed a check: it is dropped and the connection closed (README.md, "Bad packets"). */
  securityDrop(why = 'a failed check'): void {
    this.rt.stats.securityDrops++;
    this.rt.tracer?.note({ dc: this.rt.dcId, conn: this }, 'drop', `connection closed: ${why}`);
    this.destroy();
  }

  /**
   * ping_delay_disconnect: close the connection `seconds` from now unless
   * another such ping comes first
   * (https://core.telegram.org/mtproto/service_messages#deferred-connection-closure-ping).
   */
  armDisconnect(seconds: number): void {
    if (this.disconnectTimer !== undefined) clearTimeout(this.disconnectTimer);
    this.disconnectTimer = undefined;
    if (!(seconds > 0)) return;
    this.disconnectTimer = setTimeout(() => this.end(), Math.min(seconds, 86400) * 1000);
    this.disconnectTimer.unref?.();
  }

  /** Forgets `key` on this connection (destroy_auth_key). */
  forgetKey(id: bigint): void {
    const use = this.uses.get(id);
    if (!use) return;
    use.ctx.close();
    this.uses.delete(id);
  }

  // ------------------------------------------------------------------ internals

  private use(key: StoredKey): KeyUse {
    let u = this.uses.get(key.id);
    if (!u) {
      const ctx = this.rt.backend.connect(this.rt.dcId, {
        authKeyId: key.id,
        onUpdates: (updates) => this.pushUpdates(key.id, updates),
      });
      this.uses.set(key.id, (u = { key, ctx, session: undefined }));
    }
    return u;
  }

  /** Updates from the in-memory Telegram go to the session last active here, as server-initiated messages. */
  private pushUpdates(keyId: bigint, updates: Updates): void {
    const use = this.uses.get(keyId);
    if (!use?.session || !this.open) return;
    // An older layer's client gets them in its layer; updates it has no form for are left out (ts/testing/layers).
    const layer = use.key.servedLayer;
    const body = layer ? layer.object(updates) : encode(updates);
    if (layer) {
      const where = { dc: this.rt.dcId, conn: this, authKeyId: use.key.id, sessionId: use.session.sessionId };
      for (const note of layer.takeNotes()) this.rt.tracer?.note(where, 'layer', note, { layer: use.key.askedLayer });
    }
    if (body === undefined) return;
    this.sendEncrypted(use.key, use.session, [{ body, contentRelated: true, response: false, update: true }]);
  }

  private packet(payload: Uint8Array, quickAck: boolean): void {
    if (this.backlog > 0 || (payload.length >= 8 && longFromBytes(payload) === 0n)) {
      // A key exchange step (or a packet behind one): run in turn with every connection's.
      if (!this.authenticated && this.backlogBytes + payload.length > this.rt.limits.maxUnauthenticatedBytes) {
        this.closeForLimit('buffer');
        return;
      }
      this.backlog++;
      this.backlogBytes += payload.length;
      this.rt.handshakes.submit(this, () => {
        this.backlog--;
        this.backlogBytes -= payload.length;
        if (this.state === 'open') this.packetNow(payload, quickAck);
        // Nothing left in the queue and no key exchange half done: the slot goes to the next connection.
        if (this.backlog === 0 && !this.exchanging) this.rt.handshakes.release(this);
      });
      return;
    }
    this.packetNow(payload, quickAck);
  }

  private packetNow(payload: Uint8Array, quickAck: boolean): void {
    const code = this.rt.faults.takeTransportError();
    if (code !== undefined) {
      this.sendTransportError(code);
      return;
    }
    if (payload.length < 8) {
      this.securityDrop();
      return;
    }
    if (longFromBytes(payload) === 0n) this.plain(payload);
    else {
      handleEncryptedPacket(this, payload, quickAck);
      // It opened under a known key (a context was made for it): a real client.
      if (!this.authenticated && this.uses.size > 0) this.authenticate();
    }
  }

  /** An unencrypted message: the next step of this connection's key exchange (https://core.telegram.org/mtproto/auth_key). */
  private plain(payload: Uint8Array): void {
    const rt = this.rt;
    this.handshake ??= new ServerHandshake({
      crypto: rt.crypto,
      rsaKey: rt.rsaKey,
      random: rt.random,
      clock: rt.clock,
      // A new key whose id is taken is answered dh_gen_retry, as the spec asks.
      acceptAuthKey: (id) => !rt.keys.has(longFromBytes(id)),
      strict: rt.strict,
    });
    let out;
    this.exchanging = true;
    try {
      out = this.handshake.receive(payload);
    } catch (e) {
      if (!(e instanceof SecurityError || e instanceof TlError)) throw e;
      this.exchanging = false;
      this.handshake = undefined;
      this.rt.handshakes.release(this);
      this.securityDrop(`key exchange refused (${e instanceof SecurityError ? e.check : 'tl'}): ${e.message}`);
      return;
    }
    if (out.done) {
      this.exchanging = false;
      this.rt.handshakes.release(this);
      const variant = out.variant;
      // The no-dc variants (lenient mode only) name no DC: the key belongs to the DC it was made on.
      const namesDc = variant === undefined || variant.innerData.endsWith('_dc');
      if (namesDc && !dcMatches(out.done.dcId, rt.dcId)) {
        // p_q_inner_data_dc named another DC: the key is not kept, the client will get -404.
        this.securityDrop(`p_q_inner_data_dc names DC ${out.done.dcId}, this is DC ${rt.dcId}`);
        return;
      }
      if (rt.tracer && variant) traceKeyExchange(rt, this, longFromBytes(out.done.authKeyId), variant);
      rt.keys.add(out.done, unixNow(rt));
      rt.stats.authKeys++;
      this.authenticate();
    }
    const response = out.response;
    rt.faults.later(() => this.writePacket(response));
  }

  /** Frames and writes one MTProto packet (framing happens now, keeping obfuscation ciphers in order). */
  private writePacket(packet: Uint8Array): void {
    if (this.state !== 'open' || !this.stream.info) return;
    this.writeRaw(this.stream.encode(packet));
  }

  private writeRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  // ------------------------------------------------------------------ resource limits (limits.ts)

  private authenticate(): void {
    this.authenticated = true;
    this.armLimits();
  }

  /**
   * Whether an unauthenticated connection holds more than it may: beyond the
   * cap only a frame whose auth_key_id this DC knows may keep growing (a
   * real client's first, large, encrypted packet on a new connection).
   */
  private overBufferCap(): boolean {
    const cap = this.rt.limits.maxUnauthenticatedBytes;
    if (this.stream.buffered <= cap) return false;
    const pending = this.stream.pendingFrame();
    if (!pending || pending.prefix.length < 8) return true;
    const id = longFromBytes(pending.prefix);
    return id === 0n || !this.rt.keys.has(id);
  }

  private closeForLimit(reason: LimitReason): void {
    const counts = this.rt.stats.limitCloses;
    counts[reason] = (counts[reason] ?? 0) + 1;
    this.destroy();
  }

  /** Arms the timer for the earliest limit deadline still ahead; on expiry it closes or re-arms. */
  private armLimits(): void {
    if (this.limitTimer !== undefined) clearTimeout(this.limitTimer);
    this.limitTimer = undefined;
    if (this.state !== 'open') return;
    const { firstFrameTimeoutMs, handshakeTimeoutMs, idleTimeoutMs } = this.rt.limits;
    const now = performance.now();
    const deadlines: [LimitReason, number][] = [];
    if (!this.gotFrame && firstFrameTimeoutMs > 0) deadlines.push(['first-frame', this.openedAt + firstFrameTimeoutMs]);
    if (!this.authenticated && handshakeTimeoutMs > 0) deadlines.push(['handshake', this.openedAt + handshakeTimeoutMs]);
    if (idleTimeoutMs > 0) deadlines.push(['idle', this.lastReceived + idleTimeoutMs]);
    if (deadlines.length === 0) return;
    const [reason, at] = deadlines.reduce((a, b) => (b[1] < a[1] ? b : a));
    if (at <= now) {
      this.closeForLimit(reason);
      return;
    }
    // Deadlines only move later (bytes arrive, the connection authenticates), so checking again on expiry is enough.
    this.limitTimer = setTimeout(() => this.armLimits(), Math.ceil(at - now));
    this.limitTimer.unref?.();
  }
}

/** Records a finished key exchange, and the leniencies it needed, in the trace. */
function traceKeyExchange(rt: DcRuntime, conn: Connection, authKeyId: bigint, variant: KeyExchangeVariant): void {
  const where = { dc: rt.dcId, conn, authKeyId };
  rt.tracer!.note(where, 'key_exchange', `auth key made: ${variant.innerData}, ${variant.rsaScheme}`);
  if (!variant.innerData.endsWith('_dc')) {
    rt.tracer!.note(where, 'leniency', `${variant.innerData} without dc accepted (older clients; strict mode refuses it)`);
  }
  if (variant.rsaScheme === 'sha1_padding') {
    rt.tracer!.note(where, 'leniency', 'legacy SHA1-padded RSA accepted (pre-RSA_PAD clients; strict mode refuses it)');
  }
}

/** The TL name of a message body, for the counters. */
function nameOfBody(body: Uint8Array): string {
  if (body.length < 4) return '?';
  const id = body[0]! | (body[1]! << 8) | (body[2]! << 16) | (body[3]! << 24);
  return nameOf(id >>> 0) ?? '?';
}
