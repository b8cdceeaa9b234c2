/**
 * mtcute (@mtcute/core 0.30) pointed at the test server through its own
 * public options, the way a user of mtcute would do it:
 *
 * - the server's RSA key: `addPublicKey(crypto, pem)` from `@mtcute/core/utils.js`;
 * - the DCs: `defaultDcs: { main, media }` with the server's loopback ports
 *   (after login mtcute takes the rest from `help.getConfig`, which lists the
 *   server's ports), `testMode: true` so `p_q_inner_data_dc` carries 10000 + dc;
 * - the transport: mtcute's own `IntermediatePacketCodec` /
 *   `PaddedIntermediatePacketCodec`, optionally inside `ObfuscatedPacketCodec`,
 *   over a node:net socket adapted to @fuman/net's `IConnection` (what
 *   @mtcute/node ships; it is not installed here);
 * - crypto: the ICryptoProvider of bench/lib/mtcute-provider.ts (@mtcute/node's
 *   composition from @mtcute/core's BaseCryptoProvider).
 */
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { MemoryStorage } from '@mtcute/core';
import { TelegramClient } from '@mtcute/core/client.js';
import { IntermediatePacketCodec, ObfuscatedPacketCodec, PaddedIntermediatePacketCodec } from '@mtcute/core';
import { addPublicKey, BaseCryptoProvider } from '@mtcute/core/utils.js';
import { ConnectionClosedError } from '@fuman/net';
import { mtcuteNodeCryptoProvider } from '../../bench/lib/mtcute-provider.js';
import type { TestServer } from '../../ts/testing/index.js';

/** The transports mtcute offers over TCP. */
export type MtcuteCodec = 'intermediate' | 'padded' | 'obfuscated-intermediate' | 'obfuscated-padded';

let cryptoProvider: unknown;

/** mtcute's crypto provider (its AES-IGE from @mtcute/wasm), made once. */
async function mtcuteCrypto(): Promise<unknown> {
  if (cryptoProvider) return cryptoProvider;
  const wasm = await import('@mtcute/wasm');
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@mtcute/wasm'));
  await wasm.initSync(readFileSync(path.join(dir, wasm.SIMD_AVAILABLE ? 'mtcute-simd.wasm' : 'mtcute.wasm')));
  cryptoProvider = mtcuteNodeCryptoProvider(BaseCryptoProvider as unknown as abstract new () => object, wasm);
  return cryptoProvider;
}

/** A node:net socket as @fuman/net's IConnection (read into a buffer, write, close), as @mtcute/node's TCP one behaves. */
function tcpConnection(socket: Socket) {
  const chunks: Uint8Array[] = [];
  let ended = false;
  let waiter: (() => void) | undefined;
  const wake = () => {
    const w = waiter;
    waiter = undefined;
    w?.();
  };
  socket.on('data', (b: Buffer) => {
    chunks.push(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    wake();
  });
  socket.on('close', () => {
    ended = true;
    wake();
  });
  socket.on('error', () => {});
  return {
    localAddress: null,
    remoteAddress: null,
    async read(into: Uint8Array): Promise<number> {
      while (chunks.length === 0) {
        // mtcute's read loop expects the close as this error (a 0-byte read would make it spin).
        if (ended) throw new ConnectionClosedError();
        await new Promise<void>((r) => (waiter = r));
      }
      const head = chunks[0]!;
      const n = Math.min(head.length, into.length);
      into.set(head.subarray(0, n));
      if (n === head.length) chunks.shift();
      else chunks[0] = head.subarray(n);
      return n;
    },
    write(bytes: Uint8Array): Promise<void> {
      return new Promise((resolve, reject) => socket.write(bytes, (e) => (e ? reject(e) : resolve())));
    },
    close(): void {
      socket.destroy();
    },
  };
}

/** mtcute's TelegramTransport over node:net with the given codec. */
function tcpTransport(codec: MtcuteCodec) {
  return {
    connect: (dc: { ipAddress: string; port: number }) =>
      new Promise((resolve, reject) => {
        const socket = connect({ host: dc.ipAddress, port: dc.port }, () => {
          socket.off('error', reject);
          socket.setNoDelay(true);
          resolve(tcpConnection(socket));
        });
        socket.once('error', reject);
      }),
    packetCodec: () => {
      const inner = codec.endsWith('padded') ? new PaddedIntermediatePacketCodec() : new IntermediatePacketCodec();
      return codec.startsWith('obfuscated') ? new ObfuscatedPacketCodec(inner) : inner;
    },
  };
}

/**
 * A silent platform (mtcute logs nothing; a test reads the server's trace instead), unless
 * WASMGRAM_MTCUTE_LOG=<level> (1 error … 5 verbose) sends mtcute's log to stderr for a diagnosis.
 */
const logLevel = Number(process.env.WASMGRAM_MTCUTE_LOG ?? 0);
const platform = {
  beforeExit: () => () => {},
  log: (_color: number, level: number, tag: string, fmt: string, args: unknown[]) =>
    process.stderr.write(`${Date.now() % 100000} [mtcute ${level} ${tag}] ${fmt} ${args.map((a) => String(a)).join(' ')}\n`),
  getDefaultLogLevel: () => logLevel,
  getDeviceModel: () => 'uvu',
};

/** An mtcute TelegramClient whose home DC is `dc` of `server`, over `codec`. */
export async function mtcuteClient(server: TestServer, dc: number, codec: MtcuteCodec = 'intermediate'): Promise<TelegramClient> {
  const crypto = (await mtcuteCrypto()) as Parameters<typeof addPublicKey>[0];
  addPublicKey(crypto, server.publicKeyPem);
  const home = server.dc(dc);
  const main = { id: home.id, ipAddress: home.host, port: home.port, testMode: true };
  return new TelegramClient({
    apiId: 12345,
    apiHash: '0123456789abcdef0123456789abcdef',
    storage: new MemoryStorage(),
    crypto: crypto as never,
    platform: platform as never,
    transport: tcpTransport(codec) as never,
    testMode: true,
    defaultDcs: { main, media: { ...main, mediaOnly: true } },
    logLevel,
  });
}
