/**
 * `MtproxyTestServer`: an MTProxy on loopback for tests, written from the
 * spec (https://core.telegram.org/mtproxy): one port serving plain, `dd` and
 * fake-TLS `ee` clients with one 16-byte secret, relaying each accepted
 * client to the DC its obfuscated2 init names (a `TestServer` DC, over the
 * plain codec). A wrong secret is refused the way MTProxy does it: no answer
 * — the connection is closed, or (with `onBadClient: 'ignore'`) everything
 * the client sends is swallowed. Node-only (node:net).
 *
 * @example
 * ```ts
 * const server = await TestServer.start({ dcs: [1, 2] });
 * const proxy = await MtproxyTestServer.start({ dcs: server.dcs });
 * const link = proxy.link('ee'); // tg://proxy?server=127.0.0.1&port=...&secret=ee...
 * // new Connection({ crypto, dcId: 2, host: '', port: 0, ...proxyTransportOptions(parseProxyLink(link), { crypto }) })
 * await proxy.stop();
 * ```
 */
import { type AddressInfo, connect as netConnect, createServer, type Server, type Socket as NetSocket } from 'node:net';
import { createCryptoProvider } from '../../crypto/index.js';
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { createMtproxySecret, type MtproxyMode, type MtproxySecret, parseMtproxySecret } from '../../transport/proxy/mtproxy-secret.js';
import { formatProxyLink } from '../../transport/proxy/proxy-link.js';
import { ReplayCache } from './fake-tls-server.js';
import { MtproxySession, type MtproxyRefusal } from './mtproxy-session.js';

/** A DC the proxy relays to (a `TestServer`'s `dcs` entries fit). */
export interface MtproxyUpstream {
  readonly id: number;
  readonly host: string;
  readonly port: number;
}

/** Options of `MtproxyTestServer.start`. */
export interface MtproxyTestServerOptions {
  /** Where to relay: DC id → address (`testServer.dcs`). */
  dcs: readonly MtproxyUpstream[];
  /** The 16-byte key, or a secret as text (hex/base64url; its dd/ee prefix is ignored). Default: random. */
  secret?: Uint8Array | string;
  /** The fake-TLS domain: `ee` links carry it and hellos must name it as SNI (default `example.com`). */
  domain?: string;
  /** Which client kinds to accept (default all three). */
  modes?: readonly MtproxyMode[];
  /** Listen address (default 127.0.0.1) and port (default: the OS picks). */
  host?: string;
  port?: number;
  /** Refused clients: `close` the socket (default) or `ignore` them (read and drop everything, never answer). */
  onBadClient?: 'close' | 'ignore';
  /** Largest accepted difference between a fake-TLS hello's time and the clock, s (default 120). */
  maxClockSkewS?: number;
  crypto?: CryptoProvider;
  /** Clock in ms (default `Date.now`). */
  clock?: () => number;
  /** Randomness for ServerHello bytes (default `crypto.random`). */
  random?: RandomSource;
}

/** What the proxy did so far. */
export interface MtproxyStats {
  /** Accepted clients per mode. */
  accepted: Record<MtproxyMode, number>;
  /** Refused clients per reason. */
  refused: Partial<Record<MtproxyRefusal, number>>;
  /** Clients currently connected. */
  open: number;
}

/** A running test MTProxy. See the module comment. */
export class MtproxyTestServer {
  readonly stats: MtproxyStats = { accepted: { plain: 0, dd: 0, ee: 0 }, refused: {}, open: 0 };
  private readonly sockets = new Set<NetSocket>();
  private stopped: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    /** The listen address. */
    readonly host: string,
    /** The listen port. */
    readonly port: number,
    private readonly key: Uint8Array,
    /** The fake-TLS domain. */
    readonly domain: string,
  ) {}

  /** Starts listening. Rejects with the listen error (port taken...) or a `ProxyError` for a bad secret. */
  static async start(options: MtproxyTestServerOptions): Promise<MtproxyTestServer> {
    const crypto = options.crypto ?? (await createCryptoProvider());
    const key = typeof options.secret === 'string' ? parseMtproxySecret(options.secret).key : (options.secret ?? crypto.randomBytes(16));
    const domain = options.domain ?? 'example.com';
    createMtproxySecret('ee', key, domain); // validates key and domain
    const host = options.host ?? '127.0.0.1';
    const upstreams = new Map(options.dcs.map((d) => [d.id, d]));
    const settings = {
      key,
      modes: new Set<MtproxyMode>(options.modes ?? ['plain', 'dd', 'ee']),
      crypto,
      random: options.random ?? crypto.random,
      clock: options.clock ?? Date.now,
      maxSkewS: options.maxClockSkewS ?? 120,
      domain,
      replays: new ReplayCache(),
      hasDc: (id: number) => upstreams.has(id),
    };
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const proxy = new MtproxyTestServer(server, host, (server.address() as AddressInfo).port, key, domain);
    server.on('connection', (client) => proxy.serve(client, new MtproxySession(settings), upstreams, options.onBadClient ?? 'close'));
    return proxy;
  }

  /** The secret clients of `mode` use. */
  secret(mode: MtproxyMode): MtproxySecret {
    return createMtproxySecret(mode, this.key, mode === 'ee' ? this.domain : undefined);
  }

  /** A `tg://proxy` (or `https://t.me/proxy`) link for clients of `mode`. */
  link(mode: MtproxyMode, style: 'tg' | 't.me' = 'tg'): string {
    return formatProxyLink({ type: 'mtproxy', host: this.host, port: this.port, secret: this.secret(mode) }, style);
  }

  /** Closes the listener and every connection. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      for (const s of this.sockets) s.destroy();
      this.server.close(() => resolve());
    });
    return this.stopped;
  }

  private serve(client: NetSocket, session: MtproxySession, upstreams: Map<number, MtproxyUpstream>, onBad: 'close' | 'ignore'): void {
    this.sockets.add(client);
    this.stats.open++;
    client.setNoDelay(true);
    let dc: NetSocket | undefined;
    const pendingToDc: Uint8Array[] = [];
    let dcOpen = false;
    const end = () => {
      client.destroy();
      dc?.destroy();
    };
    client.on('data', (buf: Buffer) => {
      const out = session.fromClient(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
      for (const b of out.toClient) client.write(b);
      if (out.refused) {
        this.stats.refused[out.refused] = (this.stats.refused[out.refused] ?? 0) + 1;
        if (onBad === 'close') end();
        return;
      }
      if (out.connect) {
        this.stats.accepted[out.connect.mode]++;
        const target = upstreams.get(out.connect.dcId)!;
        dc = netConnect({ host: target.host, port: target.port });
        this.sockets.add(dc);
        dc.setNoDelay(true);
        dc.on('connect', () => {
          dcOpen = true;
          for (const b of pendingToDc.splice(0)) dc!.write(b);
        });
        dc.on('data', (b: Buffer) => {
          if (!client.destroyed) client.write(session.fromDc(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
        });
        dc.on('error', () => end());
        dc.on('close', () => {
          this.sockets.delete(dc!);
          end();
        });
      }
      for (const b of out.toDc) {
        if (dcOpen) dc!.write(b);
        else pendingToDc.push(b);
      }
    });
    client.on('error', () => end());
    client.on('close', () => {
      this.sockets.delete(client);
      this.stats.open--;
      session.dispose();
      dc?.destroy();
    });
  }
}
