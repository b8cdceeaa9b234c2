/**
 * The candidates of `transport: 'auto'` for each DC: TCP with intermediate
 * framing, TCP with obfuscated2 (what passes where plain MTProto is
 * filtered), and WebSocket (what passes where only web traffic does), started
 * 0, 1 and 2 × `staggerMs` after each other (RFC 8305). The race itself is
 * transport-race.ts; the DC pool remembers the winner per DC.
 *
 * WebSocket endpoints are not the DC's TCP address: Telegram serves them at
 * `wss://<name>.web.telegram.org/apiws` (`/apiws_test` for test DCs, `-1`
 * after the name for media), https://core.telegram.org/mtproto/transports#websocket;
 * a wasmgram `TestServer` at `ws://host:wsPort/apiws`.
 */
import type { DcAddress } from '../storage/types.js';
import type { SocketFactory } from '../transport/socket.js';
import type { TransportCandidate } from './transport-race.js';

/** Telegram's names of its DCs in WebSocket host names. */
const WEB_DC_NAMES: Readonly<Record<number, string>> = { 1: 'pluto', 2: 'venus', 3: 'aurora', 4: 'vesta', 5: 'flora' };

/** Options of {@link createAutoTransports}. */
export interface AutoTransportOptions {
  /** TCP sockets; without them (browsers, workers) only WebSocket takes part. */
  tcp?: SocketFactory;
  /** WebSocket sockets (default: the runtime's, loaded on first use: `ws` on Node, the global elsewhere). */
  websocket?: SocketFactory;
  /**
   * A wasmgram `TestServer` (or its printed ports): its WebSocket ports are
   * used, over plain `ws://`. Without it, Telegram's `*.web.telegram.org` endpoints.
   */
  testServer?: { readonly dcs: readonly { readonly id: number; readonly host: string; readonly wsPort?: number | undefined }[] };
  /** Telegram's test DCs (`/apiws_test`). */
  testMode?: boolean;
  /** Delay between the starts of the candidates, ms (default 100). */
  staggerMs?: number;
}

/**
 * Builds the candidate list for each DC (the `transports` option of `DcPool`).
 *
 * @example
 * ```ts
 * const transports = await createAutoTransports({ tcp: createNodeTcpFactory() });
 * const pool = new DcPool({ ..., transports });
 * ```
 */
export async function createAutoTransports(
  options: AutoTransportOptions,
): Promise<(dc: DcAddress, media: boolean) => readonly TransportCandidate[]> {
  const stagger = options.staggerMs ?? 100;
  const ws = options.websocket ?? (await loadWebSocketFactory(options));
  return (dc, media) => {
    const out: TransportCandidate[] = [];
    if (options.tcp && !options.tcp.requiresObfuscation) {
      out.push({ label: 'tcp-intermediate', sockets: options.tcp, host: dc.host, port: dc.port, codec: 'intermediate' });
      out.push({
        label: 'tcp-obfuscated',
        sockets: options.tcp,
        host: dc.host,
        port: dc.port,
        codec: 'padded-intermediate',
        obfuscated: true,
        delayMs: stagger,
      });
    }
    const address = webSocketAddress(dc, media, options);
    // Staggered behind the TCP candidates; alone (no TCP here) it starts at once — no race to wait for.
    if (address && ws)
      out.push({
        label: 'websocket',
        sockets: ws,
        ...address,
        codec: 'intermediate',
        obfuscated: true,
        delayMs: out.length > 0 ? 2 * stagger : 0,
      });
    return out;
  };
}

/** Where DC `dc.id`'s WebSocket endpoint is, if known. */
function webSocketAddress(dc: DcAddress, media: boolean, options: AutoTransportOptions): { host: string; port: number } | undefined {
  if (options.testServer) {
    const served = options.testServer.dcs.find((d) => d.id === dc.id);
    return served?.wsPort === undefined ? undefined : { host: served.host, port: served.wsPort };
  }
  const name = WEB_DC_NAMES[dc.id];
  return name === undefined ? undefined : { host: `${name}${media ? '-1' : ''}.web.telegram.org`, port: 443 };
}

/** The runtime's WebSocket factory for these endpoints; undefined where the runtime has none. */
async function loadWebSocketFactory(options: AutoTransportOptions): Promise<SocketFactory | undefined> {
  const { createDefaultSocketFactory } = await import('../transport/default-socket.js');
  try {
    return await createDefaultSocketFactory({
      prefer: 'websocket',
      websocket: options.testServer
        ? { scheme: 'ws' }
        : { scheme: 'wss', url: (host) => `wss://${host}/${options.testMode ? 'apiws_test' : 'apiws'}` },
    });
  } catch {
    return undefined;
  }
}
