/**
 * The WebAssembly `CryptoProvider`: every operation runs in the crypto WASM
 * module (SIMD or plain build). Works unchanged in Node, Deno, Bun, browsers
 * and edge runtimes.
 */
import { CryptoError, SecurityError } from '../errors.js';
import { redact } from '../redact.js';
import { type CryptoModule, loadCryptoModule, loadCryptoModuleSync } from '../wasm/crypto-module.js';
import type { AuthKeyHandle, CryptoEngine, CryptoProvider, CtrCipher, HashInput, RandomSource } from './provider.js';
import { defaultRandom, pooledRandom } from './random.js';

/** Options of `createWasmProvider` / `createWasmProviderSync`. */
export interface WasmProviderOptions {
  /** Force the SIMD (true) or plain (false) build; default: SIMD when the engine supports it. */
  simd?: boolean;
  /** Random source for padding and `randomBytes`; default `crypto.getRandomValues`. */
  random?: RandomSource;
}

const MAX_U64 = (1n << 64n) - 1n;

function checkKeyIv(key: Uint8Array, iv: Uint8Array, data: Uint8Array): void {
  if (key.length !== 32) throw new CryptoError(`AES-256-IGE key must be 32 bytes, got ${key.length}`);
  if (iv.length !== 32) throw new CryptoError(`AES-256-IGE iv must be 32 bytes, got ${iv.length}`);
  if (data.length % 16 !== 0) throw new CryptoError(`IGE data length must be a multiple of 16, got ${data.length}`);
}

/** Throws CryptoError unless x is 0 (client→server) or 8 (server→client). */
export function checkX(x: number): void {
  if (x !== 0 && x !== 8) throw new CryptoError(`x must be 0 (client→server) or 8 (server→client), got ${x}`);
}

/**
 * MTProto 2.0 padding for a plaintext of `len` bytes: 12..1024 bytes with a
 * total that is a multiple of 16, plus `extraBlocks` (0..60) more blocks.
 */
export function paddingLength(len: number, extraBlocks: number): number {
  if (!Number.isInteger(extraBlocks) || extraBlocks < 0 || extraBlocks > 60) {
    throw new CryptoError(`extraPadding must be 0..60 blocks, got ${extraBlocks}`);
  }
  return 12 + ((16 - ((len + 12) & 15)) & 15) + 16 * extraBlocks;
}

/** Total byte length of a hash input (one buffer or several parts). */
export function totalLength(data: HashInput): number {
  if (data instanceof Uint8Array) return data.length;
  let n = 0;
  for (const part of data) n += part.length;
  return n;
}

/** Implements `CryptoProvider` on a `CryptoModule`. Use `createWasmProvider()` to get one. */
export class WasmCryptoProvider implements CryptoProvider {
  readonly engine: CryptoEngine;
  readonly random: RandomSource;
  private readonly fill: RandomSource;

  constructor(
    readonly wasm: CryptoModule,
    random: RandomSource = defaultRandom,
  ) {
    this.engine = wasm.simd ? 'wasm-simd' : 'wasm';
    this.random = random;
    this.fill = pooledRandom(random);
    // WASM memory holds the loaded auth keys and CTR states, and the random pool
    // future nonces: printing or serializing the provider must show none of them.
    redact(this, 'CryptoProvider');
  }

  randomBytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    this.random(out);
    return out;
  }

  /** Copies the hash input into the I/O region; returns its length. */
  private stage(data: HashInput, extra: number): number {
    const len = totalLength(data);
    const p = this.wasm.io(len + extra);
    const u8 = this.wasm.u8;
    if (data instanceof Uint8Array) u8.set(data, p);
    else {
      let o = p;
      for (const part of data) {
        u8.set(part, o);
        o += part.length;
      }
    }
    return len;
  }

  sha1(data: HashInput): Uint8Array {
    return this.hash(data, false);
  }

  sha256(data: HashInput): Uint8Array {
    return this.hash(data, true);
  }

  /** One WASM call over the staged input; the digest is written after it, 64-byte aligned. */
  private hash(data: HashInput, sha256: boolean): Uint8Array {
    const len = this.stage(data, 64);
    const p = this.wasm.io(0);
    const out = p + ((len + 63) & ~63);
    if (sha256) this.wasm.exports.sha256(p, len, out);
    else this.wasm.exports.sha1(p, len, out);
    return this.wasm.u8.slice(out, out + (sha256 ? 32 : 20));
  }

  igeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
    return this.ige(data, key, iv, false);
  }

  igeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
    return this.ige(data, key, iv, true);
  }

  /** Layout: key ‖ iv ‖ data in the I/O region; the result replaces the data. */
  private ige(data: Uint8Array, key: Uint8Array, iv: Uint8Array, decrypt: boolean): Uint8Array {
    checkKeyIv(key, iv, data);
    const p = this.wasm.io(64 + data.length);
    const u8 = this.wasm.u8;
    u8.set(key, p);
    u8.set(iv, p + 32);
    u8.set(data, p + 64);
    if (decrypt) this.wasm.exports.igeDecrypt(p, p + 32, p + 64, p + 64, data.length);
    else this.wasm.exports.igeEncrypt(p, p + 32, p + 64, p + 64, data.length);
    return u8.slice(p + 64, p + 64 + data.length);
  }

  createCtr(key: Uint8Array, iv: Uint8Array): CtrCipher {
    if (key.length !== 32) throw new CryptoError(`AES-256-CTR key must be 32 bytes, got ${key.length}`);
    if (iv.length !== 16) throw new CryptoError(`AES-256-CTR iv must be 16 bytes, got ${iv.length}`);
    return new WasmCtr(this.wasm, key, iv);
  }

  factorizePQ(pq: bigint): [bigint, bigint] {
    if (typeof pq !== 'bigint' || pq < 4n || pq > MAX_U64) {
      throw new CryptoError(`pq must be an integer in [4, 2^64), got ${String(pq)}`);
    }
    const e = this.wasm.exports;
    const p = BigInt.asUintN(64, e.pqFactor(pq));
    if (p <= 1n || pq % p !== 0n) throw new CryptoError('pq has no factor (it is prime or the search gave up)');
    const q = pq / p;
    // The handshake's pq is the product of two distinct primes; anything else is a protocol violation.
    if (p === q || !e.isPrime(p) || !e.isPrime(q)) {
      throw new CryptoError(`pq ${pq} is not the product of two distinct primes`);
    }
    return p < q ? [p, q] : [q, p];
  }

  loadAuthKey(key: Uint8Array): AuthKeyHandle {
    if (key.length !== 256) throw new CryptoError(`auth key must be 256 bytes, got ${key.length}`);
    return new WasmAuthKey(this.wasm, key, this.fill);
  }

  async pbkdf2Sha512(password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
    const subtle = globalThis.crypto.subtle;
    const base = await subtle.importKey('raw', password as BufferSource, 'PBKDF2', false, ['deriveBits']);
    const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt: salt as BufferSource, iterations }, base, 512);
    return new Uint8Array(bits);
  }
}

class WasmCtr implements CtrCipher {
  private slot: number;

  constructor(
    private readonly wasm: CryptoModule,
    key: Uint8Array,
    iv: Uint8Array,
  ) {
    this.slot = wasm.allocSlot();
    const p = wasm.io(48);
    wasm.u8.set(key, p);
    wasm.u8.set(iv, p + 32);
    wasm.exports.ctrInit(this.slot, p, 32, p + 32);
    wasm.u8.fill(0, p, p + 48);
    redact(this, 'CtrCipher');
  }

  process(data: Uint8Array): Uint8Array {
    const out = new Uint8Array(data.length);
    out.set(data);
    this.processInPlace(out);
    return out;
  }

  processInPlace(data: Uint8Array): void {
    if (this.slot < 0) throw new CryptoError('CTR cipher used after dispose()');
    const p = this.wasm.io(data.length);
    this.wasm.u8.set(data, p);
    this.wasm.exports.ctrProcess(this.slot, p, p, data.length);
    data.set(this.wasm.u8.subarray(p, p + data.length));
  }

  dispose(): void {
    if (this.slot >= 0) this.wasm.freeSlot(this.slot);
    this.slot = -1;
  }
}

class WasmAuthKey implements AuthKeyHandle {
  readonly id: Uint8Array;
  readonly idBigInt: bigint;
  private slot: number;

  constructor(
    private readonly wasm: CryptoModule,
    key: Uint8Array,
    private readonly fill: RandomSource,
  ) {
    this.slot = wasm.allocSlot();
    wasm.u8.set(key, this.slot);
    wasm.exports.authKeyLoad(this.slot);
    this.id = wasm.u8.slice(this.slot + 256, this.slot + 264);
    this.idBigInt = new DataView(this.id.buffer).getBigUint64(0, true);
    // The key sits in WASM memory reachable through `wasm`: never print it.
    redact(this, 'AuthKeyHandle');
  }

  private live(): number {
    if (this.slot < 0) throw new CryptoError('auth key used after dispose()');
    return this.slot;
  }

  seal(plaintext: Uint8Array, x: 0 | 8, extraPadding = 0): Uint8Array {
    const slot = this.live();
    checkX(x);
    const len = plaintext.length;
    const pad = paddingLength(len, extraPadding);
    const total = len + pad;
    // Draw the padding before touching WASM memory: the random source is user
    // code and may itself use this engine (or grow its memory).
    const padding = new Uint8Array(pad);
    this.fill(padding);
    const p = this.wasm.io(2 * total + 64);
    const u8 = this.wasm.u8;
    u8.set(plaintext, p);
    u8.set(padding, p + len);
    const dst = p + total + 16;
    this.wasm.exports.seal(slot, x, p, total, dst);
    return u8.slice(dst, dst + total + 24);
  }

  open(packet: Uint8Array, x: 0 | 8): Uint8Array {
    const slot = this.live();
    checkX(x);
    const len = packet.length;
    if (len < 40 || (len - 24) % 16 !== 0) {
      throw new SecurityError('length', `encrypted message length ${len} is not 24 + a positive multiple of 16`);
    }
    const p = this.wasm.io(2 * len + 16);
    const u8 = this.wasm.u8;
    u8.set(packet, p);
    const dst = p + len + 16;
    const rc = this.wasm.exports.open(slot, x, p, len, dst);
    if (rc === 2) throw new SecurityError('auth_key_id', 'auth_key_id of the message does not match the key');
    if (rc === 3) {
      u8.fill(0, dst, dst + len - 24);
      throw new SecurityError('msg_key', 'msg_key does not match the decrypted data');
    }
    if (rc !== 0) throw new SecurityError('length', 'bad encrypted message length');
    return u8.slice(dst, dst + len - 24);
  }

  exportKey(): Uint8Array {
    const slot = this.live();
    return this.wasm.u8.slice(slot, slot + 256);
  }

  dispose(): void {
    if (this.slot >= 0) this.wasm.freeSlot(this.slot);
    this.slot = -1;
  }
}

/**
 * Creates a provider backed by the crypto WASM module.
 *
 * @example
 * ```ts
 * const crypto = await createWasmProvider();
 * const digest = crypto.sha256(new TextEncoder().encode('abc'));
 * ```
 */
export async function createWasmProvider(options: WasmProviderOptions = {}): Promise<WasmCryptoProvider> {
  return new WasmCryptoProvider(await loadCryptoModule(options.simd), options.random);
}

/** Synchronous `createWasmProvider` (Node, Deno, Bun, workers). */
export function createWasmProviderSync(options: WasmProviderOptions = {}): WasmCryptoProvider {
  return new WasmCryptoProvider(loadCryptoModuleSync(options.simd), options.random);
}
