/**
 * Test support for the test server: a server on loopback with a key made
 * once per process, and two clients built only from wasmgram's sans-IO
 * pieces (no network layer): `SessionClient` (Transport + ClientHandshake +
 * MtprotoSession, the way a real client talks) and `RawClient` (Transport +
 * hand-sealed packets, for the rules a well-behaved session never breaks).
 */
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { AuthKeyHandle, CryptoProvider } from '../../ts/crypto/provider.js';
import {
  ClientHandshake,
  decodeContainer,
  isContainer,
  MsgIdGenerator,
  MtprotoSession,
  openEnvelope,
  sealEnvelope,
  type AuthKeyResult,
  type SessionEvent,
  type SessionOptions,
} from '../../ts/mtproto/index.js';
import type { InitConnectionFields } from '../../ts/mtproto/session/init-connection.js';
import { generateServerKeyPair, TestServer, type TestServerOptions } from '../../ts/testing/index.js';
import { decode, encode } from '../../ts/tl/codec/index.js';
import type { AnyRequest, AnyTlObject, ResultOf } from '../../ts/tl/generated/types.js';
import { Transport, type CodecKind } from '../../ts/transport/index.js';
import { createNodeTcpFactory, createNodeWebSocketFactory } from '../../ts/transport/node.js';
import type { TransportError } from '../../ts/errors.js';

export const INIT: InitConnectionFields = {
  api_id: 12345,
  device_model: 'uvu',
  system_version: 'node',
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};
export const API = { api_id: 12345, api_hash: '0123456789abcdef0123456789abcdef' };

let crypto: CryptoProvider | undefined;
let keyPem: string | undefined;

/** The crypto engine shared by the tests of a file. */
export async function getCrypto(): Promise<CryptoProvider> {
  return (crypto ??= await createCryptoProvider());
}

/** A server RSA key made once per process (key generation is the slow part of starting a server). */
export function sharedKeyPem(): string {
  return (keyPem ??= generateServerKeyPair().privateKeyPem);
}

/** Starts a server on port 0 with DCs 1..3 and the shared key; server bugs fail the test. */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  return TestServer.start({
    dcs: [1, 2, 3],
    rsaKey: sharedKeyPem(),
    crypto: await getCrypto(),
    onError: (e) => {
      throw e;
    },
    ...options,
  });
}

/** Runs `fn` with a fresh server and always stops it. */
export async function withServer<T>(fn: (server: TestServer) => Promise<T>, options?: TestServerOptions): Promise<T> {
  const server = await startServer(options);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** How a client reaches the server. */
export interface Route {
  dc?: number;
  codec?: CodecKind;
  obfuscated?: boolean;
  websocket?: boolean;
}

/** Resolves when `check()` holds, polling; fails after `ms`. */
export async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.unreachable(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Rejects `p` after `ms` so a lost answer fails the test instead of hanging it. */
export function within<T>(p: Promise<T>, what: string, ms = 3000): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    }),
  ]);
}

/** A transport to the server plus a queue of received packets and what else happened on it. */
class Wire {
  readonly packets: Uint8Array[] = [];
  readonly errors: TransportError[] = [];
  closed = false;
  onPacket: ((p: Uint8Array) => void) | undefined;
  private waiter: (() => void) | undefined;

  constructor(readonly transport: Transport) {
    transport.on('packet', (p) => {
      if (this.onPacket) this.onPacket(p);
      else this.packets.push(p);
      this.waiter?.();
    });
    transport.on('error', (e) => this.errors.push(e));
    transport.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
  }

  static async open(server: TestServer, route: Route): Promise<Wire> {
    const c = await getCrypto();
    const dc = server.dc(route.dc ?? 2);
    const sockets = route.websocket ? createNodeWebSocketFactory({ secure: false }) : createNodeTcpFactory();
    const transport = new Transport({
      sockets,
      codec: route.codec ?? 'intermediate',
      obfuscated: route.obfuscated ?? false,
      crypto: c,
      dcId: dc.id,
    });
    await transport.connect(dc.host, route.websocket ? dc.wsPort! : dc.port);
    return new Wire(transport);
  }

  async next(what = 'a packet', ms = 3000): Promise<Uint8Array> {
    const end = Date.now() + ms;
    while (this.packets.length === 0) {
      if (this.closed) throw new Error(`connection closed while waiting for ${what}`);
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        this.waiter = r;
        setTimeout(r, 20);
      });
    }
    return this.packets.shift()!;
  }
}

/** Runs the key exchange over `wire`. */
async function exchangeKey(server: TestServer, wire: Wire, dc: number, expiresIn?: number): Promise<AuthKeyResult> {
  const hs = new ClientHandshake({
    crypto: await getCrypto(),
    dcId: dc,
    rsaKeys: [server.rsaPublicKey],
    ...(expiresIn !== undefined && { expiresIn }),
  });
  wire.transport.send(hs.start());
  for (;;) {
    const out = hs.receive(await wire.next('a key exchange answer'));
    if (out.done) return out.done;
    wire.transport.send(out.request);
  }
}

/** Options of `SessionClient.connect`. */
export interface SessionClientOptions extends Route {
  /** Make a temporary key (p_q_inner_data_temp_dc) valid this long. */
  expiresIn?: number;
  /** Reuse a key made before (no key exchange). */
  key?: AuthKeyResult;
  /** Extra session options (salt, time offset, ...). */
  session?: Partial<SessionOptions>;
}

/** A client as a real one is built: Transport + ClientHandshake + MtprotoSession. */
export class SessionClient {
  /** Every event the session reported. */
  readonly events: SessionEvent[] = [];
  private wire: Wire;

  private constructor(
    private readonly server: TestServer,
    private readonly route: Route,
    wire: Wire,
    readonly key: AuthKeyResult,
    readonly session: MtprotoSession,
  ) {
    this.wire = wire;
    this.attach(wire);
  }

  static async connect(server: TestServer, options: SessionClientOptions = {}): Promise<SessionClient> {
    const wire = await Wire.open(server, options);
    const key = options.key ?? (await exchangeKey(server, wire, options.dc ?? 2, options.expiresIn));
    const session = new MtprotoSession({
      crypto: await getCrypto(),
      authKey: key.authKey,
      serverSalt: key.serverSalt,
      timeOffset: key.timeOffset,
      ping: false,
      initConnection: INIT,
      ...options.session,
    });
    return new SessionClient(server, options, wire, key, session);
  }

  /** The current connection's transport errors and state. */
  get transportErrors(): readonly TransportError[] {
    return this.wire.errors;
  }
  get connectionClosed(): boolean {
    return this.wire.closed;
  }

  /** Sends `request` and resolves with its answer (fails after 3 s). */
  invoke<R extends AnyRequest>(request: R, options?: Parameters<MtprotoSession['send']>[1]): Promise<ResultOf<R>> {
    const h = this.session.send(request, options);
    this.flush();
    return within(h.promise, request._);
  }

  /** Writes whatever the session has queued. */
  flush(): void {
    if (this.wire.closed) return;
    for (const p of this.session.flush(Date.now())) this.wire.transport.send(p);
  }

  /** Resolves once an event of `type` arrived (returns it). */
  async event<T extends SessionEvent['type']>(type: T): Promise<Extract<SessionEvent, { type: T }>> {
    await until(() => this.events.some((e) => e.type === type), `a ${type} event`);
    return this.events.find((e) => e.type === type) as Extract<SessionEvent, { type: T }>;
  }

  /** A new connection for the same session (the old one is closed first): unacknowledged queries go again. */
  async reconnect(route: Route = this.route): Promise<void> {
    this.wire.transport.close();
    this.session.onConnectionLost();
    const wire = await Wire.open(this.server, route);
    this.wire = wire;
    this.attach(wire);
    this.flush();
  }

  close(): void {
    this.session.close();
    this.wire.transport.close();
  }

  private attach(wire: Wire): void {
    const deliver = (p: Uint8Array) => {
      if (this.wire !== wire) return;
      this.events.push(...this.session.receive(p, Date.now()));
      this.flush();
    };
    for (const p of wire.packets.splice(0)) deliver(p);
    wire.onPacket = deliver;
  }
}

/** One decoded server message. */
export interface ServerMessage {
  msgId: bigint;
  seqNo: number;
  obj: AnyTlObject & { _: string };
  body: Uint8Array;
}

/**
 * A client that seals every packet by hand (for the rules a correct session
 * never breaks: duplicate msg_ids, wrong seq_no parity, wrong msg_id parity,
 * raw service messages).
 */
export class RawClient {
  readonly ids = new MsgIdGenerator();
  readonly sessionId: bigint = 0x1234_5678_9abc_def0n;
  salt: bigint;
  private seq = 0;
  private readonly key: AuthKeyHandle;

  private constructor(
    private readonly server: TestServer,
    private readonly route: Route,
    public wire: Wire,
    readonly authKey: AuthKeyResult,
    c: CryptoProvider,
  ) {
    this.key = c.loadAuthKey(authKey.authKey);
    this.salt = authKey.serverSalt;
    this.ids.timeOffset = authKey.timeOffset;
  }

  static async connect(server: TestServer, route: Route = {}): Promise<RawClient> {
    const wire = await Wire.open(server, route);
    const key = await exchangeKey(server, wire, route.dc ?? 2);
    return new RawClient(server, route, wire, key, await getCrypto());
  }

  /** Closes the connection and opens a new one for the same key and session. */
  async reconnect(): Promise<void> {
    this.wire.transport.close();
    this.wire = await Wire.open(this.server, this.route);
  }

  /** The next msg_id. */
  msgId(): bigint {
    return this.ids.next(Date.now());
  }

  /** seq_no for the next message (content-related ones are odd and counted). */
  seqNo(contentRelated: boolean): number {
    return contentRelated ? this.seq++ * 2 + 1 : this.seq * 2;
  }

  /** Seals and sends one message; returns its msg_id. */
  send(obj: AnyTlObject | AnyRequest, contentRelated: boolean, header: { msgId?: bigint; seqNo?: number } = {}): bigint {
    const msgId = header.msgId ?? this.msgId();
    const seqNo = header.seqNo ?? this.seqNo(contentRelated);
    this.sendRaw({ msgId, seqNo }, encode(obj));
    return msgId;
  }

  /** Seals `body` with the given header and sends it. */
  sendRaw(header: { msgId: bigint; seqNo: number; salt?: bigint }, body: Uint8Array): void {
    const packet = sealEnvelope(this.key, { salt: header.salt ?? this.salt, sessionId: this.sessionId, ...header }, body, 0);
    this.wire.transport.send(packet);
  }

  /** The messages of the next server packet (a container's items one by one). */
  async receive(what = 'a server packet'): Promise<ServerMessage[]> {
    const packet = await this.wire.next(what);
    const msg = openEnvelope(this.key, packet, 8, { from: 'server', sessionId: this.sessionId });
    const items = isContainer(msg.body) ? decodeContainer(msg.body) : [{ msgId: msg.msgId, seqNo: msg.seqNo, body: msg.body }];
    return items.map((m) => ({ ...m, obj: decode(m.body) as AnyTlObject & { _: string } }));
  }

  /** Receives packets until a message named `name` arrives; returns it. */
  async expect(name: string): Promise<ServerMessage> {
    for (let i = 0; i < 10; i++) {
      const found = (await this.receive(name)).find((m) => m.obj._ === name);
      if (found) return found;
    }
    throw new Error(`no ${name} in 10 packets`);
  }

  close(): void {
    this.wire.transport.close();
    this.key.dispose();
  }
}
