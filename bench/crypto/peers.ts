/**
 * Loads the peer libraries through their public API. A peer that cannot be
 * loaded becomes `{ ok: false, reason }` and shows up as n/a in the report
 * instead of stopping the run.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mtcuteNodeCryptoProvider } from '../lib/mtcute-provider.js';

export type Loaded<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

const require = createRequire(import.meta.url);

async function attempt<T>(load: () => Promise<T> | T, note?: string): Promise<Loaded<T>> {
  try {
    const value = await load();
    return note === undefined ? { ok: true, value } : { ok: true, value, note };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
}

// ---------------------------------------------------------------- @mtcute/wasm

export type MtcuteWasm = typeof import('@mtcute/wasm');

/** @mtcute/wasm, initialized with its SIMD build when the engine supports it. */
async function loadMtcuteWasm(): Promise<MtcuteWasm & { simd: boolean }> {
  const mod = await import('@mtcute/wasm');
  const dir = path.dirname(require.resolve('@mtcute/wasm'));
  const file = mod.SIMD_AVAILABLE ? 'mtcute-simd.wasm' : 'mtcute.wasm';
  mod.initSync(fs.readFileSync(path.join(dir, file)));
  return Object.assign(Object.create(null), mod, { simd: mod.SIMD_AVAILABLE }) as MtcuteWasm & { simd: boolean };
}

// ---------------------------------------------------------------- mtcute (@mtcute/core)

/** The parts of @mtcute/core's `Long` (the `long` package) this benchmark uses. */
export interface MtLong {
  low: number;
  high: number;
  toString(): string;
}

export interface MtcuteAuthKey {
  setup(key: Uint8Array): void;
  encryptMessage(message: Uint8Array, serverSalt: MtLong, sessionId: MtLong): Uint8Array;
  decryptMessage(data: Uint8Array, sessionId: MtLong, callback: (msgId: MtLong, seqNo: number, reader: unknown) => void): void;
}

export interface Mtcute {
  /** An ICryptoProvider equivalent to @mtcute/node's NodeCryptoProvider (see bench/lib/mtcute-provider.ts). */
  provider: object;
  newAuthKey(): MtcuteAuthKey;
  factorizePQSync(provider: object, pq: Uint8Array): [Uint8Array, Uint8Array];
  longFromBytesLE(bytes: Uint8Array): MtLong;
}

/** A logger that drops everything (AuthKey only logs at verbose/warn level). */
const silentLogger = new Proxy({}, { get: (_t, p) => (p === 'create' ? () => silentLogger : () => {}) });

async function loadMtcute(mt: Loaded<MtcuteWasm>): Promise<Mtcute> {
  if (!mt.ok) throw new Error(`needs @mtcute/wasm (${mt.reason})`);
  const utils = (await import('@mtcute/core/utils.js')) as unknown as {
    BaseCryptoProvider: abstract new () => object;
    factorizePQSync: Mtcute['factorizePQSync'];
    __tlReaderMap: unknown;
  };
  const { Long } = (await import('@mtcute/core')) as unknown as {
    Long: { fromBytesLE(bytes: number[], unsigned?: boolean): MtLong };
  };
  // AuthKey is not re-exported by the package entry points; import its module file.
  const coreDir = path.dirname(require.resolve('@mtcute/core'));
  const { AuthKey } = (await import(pathToFileURL(path.join(coreDir, 'network', 'auth-key.js')).href)) as {
    AuthKey: new (crypto: object, log: unknown, readerMap: unknown) => MtcuteAuthKey;
  };
  const provider = mtcuteNodeCryptoProvider(utils.BaseCryptoProvider, mt.value);
  return {
    provider,
    newAuthKey: () => new AuthKey(provider, silentLogger, utils.__tlReaderMap),
    factorizePQSync: utils.factorizePQSync,
    longFromBytesLE: (bytes) => Long.fromBytesLE(Array.from(bytes)),
  };
}

// ---------------------------------------------------------------- GramJS (telegram)

/** big-integer's BigInteger, as far as this benchmark uses it. */
export interface BigInteger {
  toString(radix?: number): string;
}

export interface GramMtprotoState {
  salt: BigInteger;
  encryptMessageData(data: Buffer): Promise<Buffer>;
  decryptMessageData(body: Buffer): Promise<{ msgId: BigInteger; seqNo: number; obj: { className?: string; data?: string } }>;
}

export interface GramJs {
  IGE: new (key: Buffer, iv: Buffer) => { encryptIge(data: Buffer): Buffer; decryptIge(data: Buffer): Buffer };
  CTR: new (key: Buffer, iv: Buffer) => { encrypt(data: Buffer): Buffer };
  factorize(pq: BigInteger): { p: BigInteger; q: BigInteger };
  bigInt(value: string): BigInteger;
  /** An MTProtoState whose auth key is set (async: GramJS hashes the key). */
  newState(authKey: Buffer, salt: bigint, sessionId: bigint): Promise<GramMtprotoState>;
}

async function loadGramJs(): Promise<GramJs> {
  const telegramRequire = createRequire(require.resolve('telegram'));
  const bigIntLib = telegramRequire('big-integer') as (value: string) => BigInteger;
  const { IGE } = require('telegram/crypto/IGE') as Pick<GramJs, 'IGE'>;
  const { CTR } = require('telegram/crypto/CTR') as Pick<GramJs, 'CTR'>;
  const { Factorizator } = require('telegram/crypto/Factorizator') as { Factorizator: { factorize: GramJs['factorize'] } };
  const { AuthKey } = require('telegram/crypto/AuthKey') as {
    AuthKey: new () => { setKey(key: Buffer): Promise<void> };
  };
  const { MTProtoState } = require('telegram/network/MTProtoState') as {
    MTProtoState: new (authKey: unknown, loggers: unknown, securityChecks: boolean) => GramMtprotoState & { id: BigInteger };
  };
  const { Logger } = require('telegram/extensions') as { Logger: new (level: string) => unknown };
  return {
    IGE,
    CTR,
    factorize: (pq) => Factorizator.factorize(pq),
    bigInt: bigIntLib,
    async newState(key, salt, sessionId) {
      const authKey = new AuthKey();
      await authKey.setKey(key);
      // securityChecks off: the benchmark opens the same message repeatedly,
      // which GramJS would otherwise reject as a replayed msg_id.
      const state = new MTProtoState(authKey, new Logger('none'), false);
      state.salt = bigIntLib(BigInt.asIntN(64, salt).toString());
      state.id = bigIntLib(BigInt.asIntN(64, sessionId).toString());
      return state;
    },
  };
}

// ---------------------------------------------------------------- hashes

export interface HashWasm {
  sha1: { init(): { update(d: Uint8Array): { digest(f: 'binary'): Uint8Array } } };
  sha256: { init(): { update(d: Uint8Array): { digest(f: 'binary'): Uint8Array } } };
}

async function loadHashWasm(): Promise<HashWasm> {
  const hw = await import('hash-wasm');
  return { sha1: await hw.createSHA1(), sha256: await hw.createSHA256() } as unknown as HashWasm;
}

export interface AsSha256 {
  digest(data: Uint8Array): Uint8Array;
  simd: boolean;
}

async function loadAsSha256(): Promise<AsSha256> {
  const m = await import('@chainsafe/as-sha256');
  return { digest: m.digest, simd: m.simdEnabled };
}

// ---------------------------------------------------------------- all

export interface Peers {
  mtcuteWasm: Loaded<MtcuteWasm & { simd: boolean }>;
  mtcute: Loaded<Mtcute>;
  gramjs: Loaded<GramJs>;
  hashWasm: Loaded<HashWasm>;
  asSha256: Loaded<AsSha256>;
}

export async function loadPeers(): Promise<Peers> {
  const mtcuteWasm = await attempt(loadMtcuteWasm);
  return {
    mtcuteWasm,
    mtcute: await attempt(() => loadMtcute(mtcuteWasm)),
    gramjs: await attempt(loadGramJs),
    hashWasm: await attempt(loadHashWasm),
    asSha256: await attempt(loadAsSha256),
  };
}
