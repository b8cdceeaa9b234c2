/**
 * What @mtcute/node would give an mtcute user on Node, for the `cold-start`
 * row: @mtcute/node needs better-sqlite3 (a native build in every `npm ci`),
 * so its pieces are written here against @mtcute/core's interfaces — the
 * crypto provider of bench/lib/mtcute-provider.ts (node:crypto, @mtcute/wasm
 * IGE, node:zlib), a node:net connection as @fuman/net's `IConnection` (bench/lib/mtcute-tcp.ts), a
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
import path from 'node:path';
import { IntermediatePacketCodec, MemoryStorage } from '@mtcute/core';
import { TelegramClient } from '@mtcute/core/client.js';
import { addPublicKey, BaseCryptoProvider } from '@mtcute/core/utils.js';
import { ConnectionClosedError } from '@fuman/net';
import * as wasm from '@mtcute/wasm';
import { mtcuteNodeCryptoProvider } from '../lib/mtcute-provider.js';
import { mtcuteTcpConnect } from '../lib/mtcute-tcp.js';

const require = createRequire(import.meta.url);

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
      connect: () => mtcuteTcpConnect(target.host, target.port, ConnectionClosedError),
      packetCodec: () => new IntermediatePacketCodec(),
    } as never,
    defaultDcs: { main: dc, media: dc },
    updates: false,
    logLevel: 0,
  });
  if (session) await client.importSession(session);
  return client;
}
