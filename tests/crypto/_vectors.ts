/**
 * Shared support for the WASM crypto core tests (sha, aes, seal-open, pq,
 * provider): the engines under test, a seeded PRNG, byte helpers, and
 * reference implementations built here on node:crypto primitives only (AES-ECB,
 * AES-CTR, SHA-1/SHA-256), never on the code under test.
 *
 * Every randomized test draws from `Prng` with a fixed seed, so a failure
 * replays exactly; the seed is part of each failure message.
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import type { CryptoProvider, HashInput, RandomSource } from '../../ts/crypto/provider.js';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.js';
import { createNodeProvider } from '../../ts/crypto/node-provider.js';
import { CryptoModule, loadCryptoModule } from '../../ts/wasm/crypto-module.js';
import { base64Decode as decodeBase64 } from '../../ts/wasm/base64.js';
import { plainBase64, simdBase64 } from '../../ts/wasm/generated/crypto.js';
import { hex, unhex } from '../_hex.js';

// ---- engines ----

/** The three engines every provider-level test runs on. */
export type EngineName = 'wasm-simd' | 'wasm' | 'node';
export const ENGINE_NAMES: readonly EngineName[] = ['wasm-simd', 'wasm', 'node'];

/** Creates a provider of the named engine (the node engine runs the SIMD build underneath). */
export async function makeProvider(name: EngineName, random?: RandomSource): Promise<CryptoProvider> {
  const opts = random ? { random } : {};
  if (name === 'node') return createNodeProvider({ simd: true, ...opts });
  return createWasmProvider({ simd: name === 'wasm-simd', ...opts });
}

/**
 * The three engines, filled by `load` (pass it to `test.before`: uvu loads test
 * files as CommonJS, so there is no top-level await). Tests are registered per
 * engine name and look their provider up when they run.
 */
export function engineTable(random?: RandomSource): {
  get: (name: EngineName) => CryptoProvider;
  load: () => Promise<void>;
} {
  const table = new Map<EngineName, CryptoProvider>();
  return {
    get: (name) => {
      const p = table.get(name);
      if (!p) throw new Error(`engine ${name} not loaded (missing test.before(load)?)`);
      return p;
    },
    load: async () => {
      for (const name of ENGINE_NAMES) table.set(name, await makeProvider(name, random));
    },
  };
}

export type BuildName = 'simd' | 'plain';
export const BUILD_NAMES: readonly BuildName[] = ['simd', 'plain'];

/** The two WASM builds, for tests of the raw module exports; `load` goes to `test.before`. */
export function buildTable(): { get: (name: BuildName) => CryptoModule; load: () => Promise<void> } {
  const table = new Map<BuildName, CryptoModule>();
  return {
    get: (name) => {
      const m = table.get(name);
      if (!m) throw new Error(`build ${name} not loaded (missing test.before(load)?)`);
      return m;
    },
    load: async () => {
      table.set('simd', await loadCryptoModule(true));
      table.set('plain', await loadCryptoModule(false));
    },
  };
}

/**
 * A new, private instance of a build (not the cached one the providers share),
 * so a test can observe the module from a known initial state and cannot leave
 * the shared instances damaged for the test files that run after it.
 */
export function freshModule(build: BuildName): CryptoModule {
  const bytes = decodeBase64(build === 'simd' ? simdBase64 : plainBase64);
  return new CryptoModule(new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), {}), build === 'simd');
}

// ---- bytes ----

export { hex, unhex };

export const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/**
 * A copy of `data` placed at byte `offset` of a larger buffer filled with
 * 0xA5 junk on both sides, so the code under test sees an unaligned view with a
 * non-zero byteOffset (and would read the junk if it ignored the view bounds).
 */
export function unaligned(data: Uint8Array, offset: number): Uint8Array {
  const big = new Uint8Array(offset + data.length + 9).fill(0xa5);
  big.set(data, offset);
  return big.subarray(offset, offset + data.length);
}

/** Collects mismatches of a long loop and reports the first few in one assertion message. */
export class Mismatches {
  private readonly items: string[] = [];
  add(what: string): void {
    this.items.push(what);
  }
  /** Records a mismatch with the first differing byte offset and 16 bytes from there. */
  check(got: Uint8Array, want: Uint8Array, what: string): void {
    if (same(got, want)) return;
    let i = 0;
    while (i < got.length && i < want.length && got[i] === want[i]) i++;
    const at = (b: Uint8Array) => hex(b.subarray(i, i + 16));
    this.items.push(`${what}: lengths ${got.length}/${want.length}, first difference at byte ${i}: got ${at(got)}…, want ${at(want)}…`);
  }
  get count(): number {
    return this.items.length;
  }
  /** Empty when everything matched; else a summary (first 5 of N). */
  summary(): string {
    if (this.items.length === 0) return '';
    return `${this.items.length} mismatches, first: ${this.items.slice(0, 5).join(' | ')}`;
  }
}

// ---- seeded PRNG (xorshift128, Marsaglia 2003), reproducible across runs ----

export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(readonly seed: number) {
    // Spread the seed over the four words with a Weyl sequence and an integer mix.
    let z = seed >>> 0;
    const next = () => {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      return (t ^ (t >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() | 1;
  }

  u32(): number {
    const t = this.s0 ^ (this.s0 << 11);
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.s2 = this.s3;
    this.s3 = (this.s3 ^ (this.s3 >>> 19) ^ t ^ (t >>> 8)) >>> 0;
    return this.s3;
  }

  /** Uniform integer in [0, n) for n ≤ 2^32 (the tiny modulo bias is irrelevant here). */
  int(n: number): number {
    return this.u32() % n;
  }

  /** Uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  fill(out: Uint8Array): void {
    for (let i = 0; i < out.length; i += 4) {
      const v = this.u32();
      out[i] = v;
      if (i + 1 < out.length) out[i + 1] = v >>> 8;
      if (i + 2 < out.length) out[i + 2] = v >>> 16;
      if (i + 3 < out.length) out[i + 3] = v >>> 24;
    }
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    this.fill(out);
    return out;
  }

  /** Splits `total` into random piece sizes (1..maxPiece, with occasional empty pieces). */
  chunking(total: number, maxPiece: number): number[] {
    const sizes: number[] = [];
    let left = total;
    while (left > 0) {
      const n = this.int(8) === 0 ? 0 : Math.min(left, this.range(1, maxPiece));
      sizes.push(n);
      left -= n;
    }
    return sizes;
  }
}

/** Cuts `data` into views of the given sizes (no copies). */
export function pieces(data: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let o = 0;
  for (const n of sizes) {
    out.push(data.subarray(o, o + n));
    o += n;
  }
  if (o !== data.length) throw new Error('pieces: sizes do not add up');
  return out;
}

/** A RandomSource from a seeded PRNG that records every request (length and bytes handed out). */
export function recordingRandom(prng: Prng): RandomSource & { calls: Uint8Array[] } {
  const calls: Uint8Array[] = [];
  const source = ((out: Uint8Array) => {
    prng.fill(out);
    calls.push(out.slice());
  }) as RandomSource & { calls: Uint8Array[] };
  source.calls = calls;
  return source;
}

// ---- node:crypto references ----

export function refHash(algorithm: 'sha1' | 'sha256', data: HashInput): Uint8Array {
  const h = createHash(algorithm);
  if (data instanceof Uint8Array) h.update(data);
  else for (const part of data) h.update(part);
  return new Uint8Array(h.digest());
}

const ecbName = (key: Uint8Array) => {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new Error(`reference AES: bad key length ${key.length}`);
  return `aes-${key.length * 8}-ecb`;
};

/** AES-ECB (any key size) over whole blocks, through node:crypto. */
export function refEcb(key: Uint8Array, data: Uint8Array, decrypt: boolean): Uint8Array {
  const c = decrypt ? createDecipheriv(ecbName(key), key, null) : createCipheriv(ecbName(key), key, null);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

/**
 * IGE built here from single-block AES-ECB calls (any AES key size). The
 * convention is MTProto's: iv[0..16] is y_0 (the "previous ciphertext block"),
 * iv[16..32] is x_0 (the "previous plaintext block");
 *   encrypt: y_i = E(x_i ⊕ y_{i-1}) ⊕ x_{i-1}
 *   decrypt: x_i = D(y_i ⊕ x_{i-1}) ⊕ y_{i-1}
 * https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
 */
export function refIge(key: Uint8Array, iv: Uint8Array, data: Uint8Array, decrypt: boolean): Uint8Array {
  if (iv.length !== 32 || data.length % 16 !== 0) throw new Error('reference IGE: bad iv or data length');
  const c = decrypt ? createDecipheriv(ecbName(key), key, null) : createCipheriv(ecbName(key), key, null);
  c.setAutoPadding(false);
  const out = new Uint8Array(data.length);
  // "chain" is XORed into the AES input, "post" into its output.
  let chain = iv.slice(decrypt ? 16 : 0, decrypt ? 32 : 16);
  let post = iv.slice(decrypt ? 0 : 16, decrypt ? 16 : 32);
  const block = new Uint8Array(16);
  for (let o = 0; o < data.length; o += 16) {
    const input = data.subarray(o, o + 16);
    for (let i = 0; i < 16; i++) block[i] = input[i]! ^ chain[i]!;
    const z = c.update(block);
    for (let i = 0; i < 16; i++) out[o + i] = z[i]! ^ post[i]!;
    // Encrypt: next chain = this ciphertext, next post = this plaintext; decrypt the reverse.
    chain = out.slice(o, o + 16);
    post = input.slice();
  }
  return out;
}

/** AES-256-CTR with a 128-bit big-endian counter, through node:crypto. */
export function refCtr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(createCipheriv('aes-256-ctr', key, iv).update(data));
}

/**
 * The MTProto 2.0 encrypted message, computed here from the spec text with
 * node:crypto only: auth_key_id ‖ msg_key ‖ AES-256-IGE(plaintext ‖ padding).
 * https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
 */
export function refSeal(authKey: Uint8Array, x: 0 | 8, plaintext: Uint8Array, padding: Uint8Array): Uint8Array {
  const data = concat(plaintext, padding);
  if (data.length % 16 !== 0) throw new Error('refSeal: plaintext + padding is not whole blocks');
  const sha256 = (...parts: Uint8Array[]) => refHash('sha256', parts);
  // msg_key_large = SHA256(substr(auth_key, 88+x, 32) + plaintext + random_padding)
  const msgKeyLarge = sha256(authKey.subarray(88 + x, 120 + x), data);
  // msg_key = substr(msg_key_large, 8, 16)
  const msgKey = msgKeyLarge.subarray(8, 24);
  const { key, iv } = refKdf(authKey, x, msgKey);
  const authKeyId = refHash('sha1', authKey).subarray(12, 20);
  return concat(authKeyId, msgKey, refIge(key, iv, data, false));
}

/** aes_key / aes_iv from msg_key (MTProto 2.0 KDF). */
export function refKdf(authKey: Uint8Array, x: number, msgKey: Uint8Array): { key: Uint8Array; iv: Uint8Array } {
  const sha256 = (...parts: Uint8Array[]) => refHash('sha256', parts);
  // sha256_a = SHA256(msg_key + substr(auth_key, x, 36))
  const a = sha256(msgKey, authKey.subarray(x, x + 36));
  // sha256_b = SHA256(substr(auth_key, 40+x, 36) + msg_key)
  const b = sha256(authKey.subarray(40 + x, 76 + x), msgKey);
  // aes_key = substr(a, 0, 8) + substr(b, 8, 16) + substr(a, 24, 8)
  const key = concat(a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32));
  // aes_iv = substr(b, 0, 8) + substr(a, 8, 16) + substr(b, 24, 8)
  const iv = concat(b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32));
  return { key, iv };
}

/** Whether `fn` throws an instance of `cls` (optionally with a given `check`). */
export function throwsKind(fn: () => unknown, cls: abstract new (...args: never[]) => Error): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof cls) return '';
    return `threw ${(e as Error)?.name ?? typeof e}: ${(e as Error)?.message ?? String(e)}`;
  }
  return 'did not throw';
}
