/**
 * `TestServer`: an MTProto server on loopback with the in-memory Telegram
 * behind it. One TCP listener (every framing, plain or obfuscated2) and one
 * WebSocket listener (obfuscated2 only) per DC, its own RSA key, auth keys
 * and sessions per DC. Any standard MTProto client that is given
 * `publicKeyPem` (or `fingerprint` + `rsaPublicKey`) and the DC ports can
 * use it. Node-only (node:net, ws).
 *
 * @example
 * ```ts
 * const server = await TestServer.start({ dcs: [1, 2, 3] });
 * const { host, port } = server.dcs[1]!;                 // DC 2
 * // ... point a client at host:port with server.rsaPublicKey
 * server.faults.nextBadServerSalt();
 * await server.stop();
 * ```
 */
import { createCryptoProvider } from '../../crypto/index.js';
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { rsaKeyFingerprint, type RsaPublicKey } from '../../crypto/rsa.js';
import type { ServerRsaKey } from '../../mtproto/server-side.js';
import { TelegramBackend } from '../telegram/index.js';
import { type TraceOption, type Tracer, tracerFor } from '../trace/index.js';
import { Connection, type ConnectionSocket } from './connection.js';
import { type DcRuntime, emptyStats, type ServerStats } from './dc-runtime.js';
import { ServerFaults } from './faults.js';
import { HandshakeQueue } from './handshake-queue.js';
import { KeyStore } from './key-store.js';
import { type ResolvedLimits, resolveLimits, type ServerLimits } from './limits.js';
import { type HttpListenerOptions, listenHttp } from './http-listener.js';
import { type Listener, listenTcp, listenWebSocket } from './node-listeners.js';
import { generateServerKeyPair, type ServerKeyPair, serverKeyPairFromNumbers, serverKeyPairFromPem } from './node-rsa-key.js';
import { createTempKeyVerifier } from './temp-key-binding.js';
import { LayerRegistry } from '../layers/index.js';
import { attachServerDataDir, openServerDataDir, type ServerDataDir } from './persist-file.js';
import type { SavedPorts } from './persist.js';
import { ArgumentError } from '../../errors.js';
import { botStore } from '../telegram/methods/bots-store.js';

/** Options of `TestServer.start`. Every field is optional. */
export interface TestServerOptions {
  /** Address to listen on (default `127.0.0.1`). */
  host?: string;
  /** DC ids to run, each 1..9 (default `[1, 2, 3, 4, 5]`). */
  dcs?: readonly number[];
  /**
   * First port: DC `i` listens for TCP on `basePort + i` and for WebSocket on
   * `basePort + 100 + i`. Default: ports the OS picks (port 0).
   */
  basePort?: number;
  /**
   * The server's RSA private key: a PEM (PKCS#1 or PKCS#8) or the numbers
   * `{ n, e, d }`, 2048-bit. Default: a new key per server.
   */
  rsaKey?: string | ServerRsaKey;
  /** Also listen for WebSocket on every DC (default true). */
  websocket?: boolean;
  /** Also serve MTProto's HTTP transport (`POST /api`) on every DC (default false; see http-listener.ts). */
  http?: boolean | HttpListenerOptions;
  /**
   * The in-memory Telegram (default: a new one with as many DCs as the
   * highest id in `dcs`, on this server's clock and randomness). Its
   * `verifyTempKeyBinding` is set to the server's check unless already set.
   */
  backend?: TelegramBackend;
  /** Crypto engine (default `createCryptoProvider()`). */
  crypto?: CryptoProvider;
  /** Clock in milliseconds (default `Date.now`): server_time, msg_ids, time checks, salts. */
  clock?: () => number;
  /** Randomness for the key exchange, salts, session ids and padding (default `crypto.random`). */
  random?: RandomSource;
  /** Fault settings from the start: `delayMs` holds every packet (see `ServerFaults.delay`). */
  faults?: { delayMs?: number };
  /** Results at least this many bytes long are sent gzip_packed; `false` never (default 1024). */
  gzipThreshold?: number | false;
  /** Where server bugs go (never a client's bad input); default `console.error`. */
  onError?: (error: unknown) => void;
  /**
   * Resource limits: first-frame, authentication and idle timeouts, the
   * buffer cap for unauthenticated connections, the connection cap and the
   * number of concurrent key exchanges. See `ServerLimits` for the defaults.
   */
  limits?: ServerLimits;
  /**
   * Refuse what the spec forbids even where Telegram accepts it (default
   * false): the no-dc `p_q_inner_data` variants, the legacy SHA1-padded RSA
   * scheme, an odd seq_no on acknowledgments and other service messages.
   * Every leniency is listed in ts/testing/server/README.md with its reason.
   */
  strict?: boolean;
  /**
   * The protocol trace: every decrypted message both ways and every
   * decision. `true` prints readable lines on stderr, a path writes JSONL
   * there, a function or `TraceSink` gets the records. See ts/testing/trace.
   */
  trace?: TraceOption;
  /**
   * `.tl` texts of further API layers to serve (each with a `// LAYER N`
   * line), besides the server's own and layer 198 (from the telegram
   * package): a client that asks for one in `invokeWithLayer` is read and
   * answered in it, converted from and to the server's layer. See ts/testing/layers.
   */
  extraLayers?: readonly string[];
  /**
   * A directory where the server keeps what a client's stored session needs
   * across restarts (see persist.ts): permanent auth keys, logins, accounts,
   * update state, the RSA key (when `rsaKey` is not given) and the ports
   * (reused when `basePort` is not given and they are free). Written
   * atomically after each change and on `stop()`. Default: nothing kept.
   */
  dataDir?: string;
}

/** Where one DC listens. */
export interface DcEndpoint {
  readonly id: number;
  readonly host: string;
  /** TCP port (abridged, intermediate, padded intermediate, full; plain or obfuscated2). */
  readonly port: number;
  /** WebSocket port (`ws://host:wsPort/apiws`, obfuscated2 only); undefined with `websocket: false`. */
  readonly wsPort: number | undefined;
  /** HTTP transport port (`http://host:httpPort/api`) with `http: true`. */
  readonly httpPort?: number;
}

const DEFAULT_DCS = [1, 2, 3, 4, 5];

/** A running test server. Make one with `TestServer.start`. */
export class TestServer {
  /** Every DC, in the order given. */
  readonly dcs: readonly DcEndpoint[];
  /** The public key as PKCS#1 PEM, for clients. */
  readonly publicKeyPem: string;
  /** The key fingerprint listed in resPQ: the low 64 bits of SHA1 of the TL-serialized key, unsigned. */
  readonly fingerprint: bigint;
  /** The public key numbers (with the fingerprint), as `ClientHandshake`'s `rsaKeys` take them. */
  readonly rsaPublicKey: RsaPublicKey;
  /** The in-memory Telegram behind every DC. */
  readonly backend: TelegramBackend;
  /** Fault injection. */
  readonly faults: ServerFaults;
  /** What the server did so far. */
  readonly stats: ServerStats;
  /** The resource limits in force (defaults filled in). */
  readonly limits: ResolvedLimits;

  private readonly runtimes: ReadonlyMap<number, DcRuntime>;
  private readonly listeners: Listener[];
  private readonly connections: Map<number, Set<Connection>>;
  private readonly handshakes: HandshakeQueue;
  private readonly tracer: Tracer | undefined;
  private readonly data: ServerDataDir | undefined;
  private stopped: Promise<void> | undefined;

  private constructor(init: {
    dcs: DcEndpoint[];
    keyPair: ServerKeyPair;
    rsaPublicKey: RsaPublicKey;
    backend: TelegramBackend;
    faults: ServerFaults;
    stats: ServerStats;
    runtimes: Map<number, DcRuntime>;
    listeners: Listener[];
    connections: Map<number, Set<Connection>>;
    limits: ResolvedLimits;
    handshakes: HandshakeQueue;
    tracer: Tracer | undefined;
    data: ServerDataDir | undefined;
  }) {
    this.dcs = init.dcs;
    this.publicKeyPem = init.keyPair.publicKeyPem;
    this.rsaPublicKey = init.rsaPublicKey;
    this.fingerprint = init.rsaPublicKey.fingerprint;
    this.backend = init.backend;
    this.faults = init.faults;
    this.stats = init.stats;
    this.runtimes = init.runtimes;
    this.listeners = init.listeners;
    this.connections = init.connections;
    this.limits = init.limits;
    this.handshakes = init.handshakes;
    this.tracer = init.tracer;
    this.data = init.data;
  }

  /**
   * Starts the server: binds every listener, then records each DC's port in
   * the backend (so `help.getConfig` lists them).
   *
   * @throws RangeError for bad options; the listen error when a port is taken
   */
  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const host = options.host ?? '127.0.0.1';
    const dcIds = [...(options.dcs ?? DEFAULT_DCS)];
    if (dcIds.length === 0 || new Set(dcIds).size !== dcIds.length || !dcIds.every((id) => Number.isInteger(id) && id >= 1 && id <= 9)) {
      throw new ArgumentError(`dcs must be distinct DC ids 1..9, got [${dcIds.join(', ')}]`);
    }
    if (
      options.basePort !== undefined &&
      !(Number.isInteger(options.basePort) && options.basePort >= 1 && options.basePort + 109 <= 65535)
    ) {
      throw new ArgumentError(`basePort must leave room for basePort + 109 <= 65535, got ${options.basePort}`);
    }
    const crypto = options.crypto ?? (await createCryptoProvider());
    const random = options.random ?? crypto.random;
    const clock = options.clock ?? Date.now;
    const kept =
      options.dataDir === undefined
        ? undefined
        : openServerDataDir(
            options.dataDir,
            typeof options.rsaKey === 'string' ? options.rsaKey : undefined,
            () => generateServerKeyPair().privateKeyPem,
          );
    const keyPair =
      kept && typeof options.rsaKey !== 'object'
        ? serverKeyPairFromPem(kept.rsaKeyPem)
        : options.rsaKey === undefined
          ? generateServerKeyPair()
          : typeof options.rsaKey === 'string'
            ? serverKeyPairFromPem(options.rsaKey)
            : serverKeyPairFromNumbers(options.rsaKey);
    const rsaPublicKey: RsaPublicKey = {
      n: keyPair.rsaKey.n,
      e: keyPair.rsaKey.e,
      fingerprint: rsaKeyFingerprint(keyPair.rsaKey, crypto),
    };
    const backend = options.backend ?? new TelegramBackend({ dcCount: Math.max(...dcIds), now: () => Math.floor(clock() / 1000), random });
    for (const id of dcIds) backend.dcs.check(id);

    const stats = emptyStats();
    const connections = new Map<number, Set<Connection>>(dcIds.map((id) => [id, new Set()]));
    const drop = (dcId?: number): number => {
      let n = 0;
      for (const [id, set] of connections) {
        if (dcId !== undefined && id !== dcId) continue;
        for (const c of set) {
          c.destroy();
          n++;
        }
      }
      return n;
    };
    const faults = new ServerFaults(backend, drop);
    if (options.faults?.delayMs) faults.delay(options.faults.delayMs);
    const onError = options.onError ?? ((e: unknown) => console.error('wasmgram test server:', e));
    const limits = resolveLimits(options.limits);
    const handshakes = new HandshakeQueue(limits.maxConcurrentHandshakes, onError);
    const tracer = tracerFor(options.trace, clock);
    const layers = new LayerRegistry({ extraLayers: options.extraLayers });
    const runtimes = new Map<number, DcRuntime>();
    for (const id of dcIds) {
      runtimes.set(id, {
        dcId: id,
        crypto,
        random,
        clock,
        rsaKey: keyPair.rsaKey,
        keys: new KeyStore(crypto, random),
        backend,
        faults,
        stats,
        gzipThreshold: options.gzipThreshold ?? 1024,
        onError,
        limits,
        handshakes,
        strict: options.strict ?? false,
        tracer,
        layers,
      });
    }
    backend.verifyTempKeyBinding ??= createTempKeyVerifier(runtimes);

    const listeners: Listener[] = [];
    const dcs: DcEndpoint[] = [];
    try {
      for (const id of dcIds) {
        const rt = runtimes.get(id)!;
        const set = connections.get(id)!;
        const accept = (obfuscatedOnly: boolean) => (socket: ConnectionSocket) => {
          if (countOpen(connections) >= limits.maxConnections) {
            // Over the cap: closed before anything is read (the sink ignores what still arrives).
            stats.limitCloses.connections = (stats.limitCloses.connections ?? 0) + 1;
            socket.destroy();
            return { receive() {}, closed() {} };
          }
          const conn = new Connection(rt, socket, { obfuscatedOnly, onClose: (c) => set.delete(c) });
          set.add(conn);
          return conn;
        };
        const savedPorts = options.basePort === undefined ? kept?.snapshot?.ports[id] : undefined;
        const tcp = await listenSaved(savedPorts?.tcp, (p) =>
          listenTcp(host, p ?? (options.basePort === undefined ? 0 : options.basePort + id), accept(false)),
        );
        listeners.push(tcp);
        let wsPort: number | undefined;
        if (options.websocket ?? true) {
          const ws = await listenSaved(savedPorts?.ws, (p) =>
            listenWebSocket(host, p ?? (options.basePort === undefined ? 0 : options.basePort + 100 + id), accept(true)),
          );
          listeners.push(ws);
          wsPort = ws.port;
        }
        let httpPort: number | undefined;
        if (options.http) {
          const http = await listenHttp(
            host,
            options.basePort === undefined ? 0 : options.basePort + 200 + id,
            accept(false),
            options.http === true ? {} : options.http,
          );
          listeners.push(http);
          httpPort = http.port;
        }
        dcs.push({ id, host, port: tcp.port, wsPort, ...(httpPort !== undefined && { httpPort }) });
        backend.setDcPort(id, tcp.port, host);
      }
    } catch (e) {
      await Promise.all(listeners.map((l) => l.close()));
      tracer?.close();
      throw e;
    }
    if (kept) {
      const ports: Record<number, SavedPorts> = {};
      for (const d of dcs) ports[d.id] = d.wsPort === undefined ? { tcp: d.port } : { tcp: d.port, ws: d.wsPort };
      const keyStores = new Map([...runtimes].map(([id, rt]) => [id, rt.keys]));
      attachServerDataDir(kept.data, kept.snapshot, backend, keyStores, ports, Math.floor(clock() / 1000));
    }
    return new TestServer({
      dcs,
      keyPair,
      rsaPublicKey,
      backend,
      faults,
      stats,
      runtimes,
      listeners,
      connections,
      limits,
      handshakes,
      tracer,
      data: kept?.data,
    });
  }

  /** The endpoint of DC `id`. @throws RangeError when the server does not run it */
  dc(id: number): DcEndpoint {
    const dc = this.dcs.find((d) => d.id === id);
    if (!dc) throw new ArgumentError(`this server does not run DC ${id}`);
    return dc;
  }

  /** Open connections (of DC `dcId`, or of all DCs). */
  connectionCount(dcId?: number): number {
    return countOpen(this.connections, dcId);
  }

  /** Key exchanges in progress, and connections waiting for a key exchange slot. */
  handshakeLoad(): { active: number; queued: number } {
    return { active: this.handshakes.active, queued: this.handshakes.queued };
  }

  /** Auth keys DC `dcId` currently knows (expired temporary keys not counted once looked up). */
  authKeyCount(dcId: number): number {
    return this.runtimes.get(dcId)?.keys.size ?? 0;
  }

  /** Stops listening, closes every connection and forgets every key. Safe to call twice. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.faults.dispose();
      this.handshakes.stop();
      // Queries waiting for a bot's answer hold their timers; nobody is left to hear the answer.
      botStore(this.backend).abandonPending();
      await Promise.all(this.listeners.map((l) => l.close()));
      for (const set of this.connections.values()) for (const c of set) c.destroy();
      // Saved before the keys are forgotten (clear() zeroes them).
      this.data?.close();
      for (const rt of this.runtimes.values()) {
        rt.keys.onChange = undefined;
        rt.keys.clear();
      }
      this.tracer?.close();
    })();
    return this.stopped;
  }
}

/** Listens on the port a data directory kept, or (when it is taken or none was kept) as `listen(undefined)` does. */
async function listenSaved(saved: number | undefined, listen: (port: number | undefined) => Promise<Listener>): Promise<Listener> {
  if (saved !== undefined) {
    try {
      return await listen(saved);
    } catch {}
  }
  return listen(undefined);
}

function countOpen(connections: ReadonlyMap<number, ReadonlySet<Connection>>, dcId?: number): number {
  let n = 0;
  for (const [id, set] of connections) if (dcId === undefined || id === dcId) n += set.size;
  return n;
}
