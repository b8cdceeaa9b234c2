/**
 * What @mtcute/node would give an mtcute user on Node, for the `cold-start`
 * row: @mtcute/node needs better-sqlite3 (a native build in every `npm ci`),
 * so its pieces are written here against @mtcute/core's interfaces — the
 * crypto provider of bench/lib/mtcute-provider.ts (node:crypto, @mtcute/wasm
 * IGE, node:zlib), a node:net connection as @fuman/net's `IConnection`, a
 * silent platform — and @mtcute/core's `TelegramClient` (the class
 * @mtcute/node's extends) with its `MemoryStorage` (the stored session comes in as an mtcute string session).
 *
 * The bench compiles this file to plain JavaScript (esbuild, @mtcute/* and
 * @fuman/* left as imports from node_modules) into bench/scratch/, so the
 * child times mtcute's own modules the way a user's process loads them, and
 * this glue the way @mtcute/node's would load: no TypeScript loader on the way.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { IntermediatePacketCodec, MemoryStorage } from '@mtcute/core';
import { TelegramClient } from '@mtcute/core/client.js';
import { addPublicKey, BaseCryptoProvider } from '@mtcute/core/utils.js';
import { ConnectionClosedError } from '@fuman/net';
import * as wasm from '@mtcute/wasm';
import { mtcuteNodeCryptoProvider } from '../lib/mtcute-provider.js';

const require = createRequire(import.meta.url);

/** A node:net socket as @fuman/net's IConnection (read waits for bytes; both throw ConnectionClosedError once closed). */
class TcpConnection {
  readonly localAddress = null;
  readonly remoteAddress: { address: string; port: number };
  private readonly chunks: Buffer[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;

  constructor(private readonly socket: net.Socket) {
    this.remoteAddress = { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 };
    socket.setNoDelay(true);
    socket.on('data', (b: Buffer) => {
      this.chunks.push(b);
      this.notify();
    });
    const end = () => {
      this.ended = true;
      this.notify();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', (e) => {
      this.failure = e;
      this.notify();
    });
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async read(into: Uint8Array): Promise<number> {
    while (this.chunks.length === 0) {
      if (this.failure) throw this.failure;
      if (this.ended) throw new ConnectionClosedError('connection closed');
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const head = this.chunks[0]!;
    const n = Math.min(into.length, head.length);
    into.set(head.subarray(0, n));
    if (n === head.length) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    return n;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.ended || this.socket.destroyed) return Promise.reject(new ConnectionClosedError('connection closed'));
    return new Promise((resolve, reject) => this.socket.write(bytes, (e) => (e ? reject(e) : resolve())));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Where the client connects, and the server key it trusts. */
export interface MtcuteTarget {
  host: string;
  port: number;
  publicKeyPem: string;
}

/** A `TelegramClient` for DC 2 of the bench server; `session`: an mtcute string session to import. */
export async function openMtcute(target: MtcuteTarget, session?: string): Promise<TelegramClient> {
  const wasmDir = path.dirname(require.resolve('@mtcute/wasm'));
  wasm.initSync(fs.readFileSync(path.join(wasmDir, wasm.SIMD_AVAILABLE ? 'mtcute-simd.wasm' : 'mtcute.wasm')));
  const crypto = mtcuteNodeCryptoProvider(BaseCryptoProvider, wasm);
  addPublicKey(crypto as never, target.publicKeyPem);
  const dc = { id: 2, ipAddress: target.host, port: target.port };
  const client = new TelegramClient({
    apiId: 1,
    apiHash: 'bench',
    storage: new MemoryStorage(),
    crypto: crypto as never,
    platform: {
      beforeExit: () => () => {},
      log: () => {},
      getDefaultLogLevel: () => 0,
      getDeviceModel: () => 'wasmgram bench',
    } as never,
    transport: {
      connect: () =>
        new Promise<TcpConnection>((resolve, reject) => {
          const socket = net.connect({ host: target.host, port: target.port }, () => {
            socket.off('error', reject);
            resolve(new TcpConnection(socket));
          });
          socket.once('error', reject);
        }),
      packetCodec: () => new IntermediatePacketCodec(),
    } as never,
    defaultDcs: { main: dc, media: dc },
    updates: false,
    logLevel: 0,
  });
  if (session) await client.importSession(session);
  return client;
}
