/**
 * Modular exponentiation for the 2048-bit math of MTProto: the DH key
 * exchange (g^b, g_a^b mod dh_prime —
 * https://core.telegram.org/mtproto/auth_key#7-client-computes-random-2048-bit-number-b-using-a-sufficient-amount-of-entropy-and-sends-the-server-a-message),
 * RSA (RSA_PAD and the test server's decryption), 2FA SRP
 * (https://core.telegram.org/api/srp) and the dh_prime checks.
 *
 * Engines, picked per call by `engine: 'auto'`:
 *
 * | engine    | where                         | how                                                                 |
 * |-----------|-------------------------------|---------------------------------------------------------------------|
 * | `openssl` | Node, moduli of 512–4096 bits | node:crypto (ts/crypto/modexp-node.ts): constant time for secrets   |
 * | `wasm`    | everywhere else               | Montgomery, 28-bit limbs, fixed window (assembly/bignum)            |
 * | `bigint`  | fallback                      | {@link modPow} in JS; only past 4096 bits or before WASM can load   |
 *
 * Measured for a 2048-bit exponent (CPU ms, `npm run bench -- mtproto`):
 * OpenSSL ≈ 2.4, WASM SIMD ≈ 4.1, WASM plain ≈ 7.4, BigInt ≈ 8.7 on V8 — so
 * `auto` takes OpenSSL on Node; Deno, Bun, browsers and edge runtimes run the
 * WASM path, the same code unchanged. (In Bun 1.x, on JavaScriptCore, BigInt
 * measured ≈ 2.5 ms against WASM SIMD's ≈ 4.1, but BigInt is not constant
 * time, so secret exponents stay on WASM there too.)
 *
 * Secret exponents (`secret: true`, the default) get constant-time engines
 * only: the WASM path then runs a fixed window over an exponent padded to the
 * modulus length, with masked table scans, and OpenSSL its constant-time
 * exponentiation. `secret: false` (RSA's e, Miller–Rabin) lets the WASM path
 * skip zero digits.
 */

import { CryptoError } from '../errors.js';
import {
  type BignumModule,
  BIGNUM_MAX_EXPONENT_BYTES,
  BIGNUM_MAX_MODULUS_BYTES,
  loadBignumModule,
  loadBignumModuleSync,
} from '../wasm/bignum-module.js';
import { bigIntToBytes, bitLength, byteLength, bytesToBigInt, modPow } from './bigint.js';
import { nodeModExpRoute } from './modexp-node.js';

/** Which implementation computes a {@link modExp}. */
export type ModExpEngine = 'auto' | 'wasm' | 'openssl' | 'bigint';

/** Options for {@link modExp}. */
export interface ModExpOptions {
  /**
   * Whether the exponent is secret (DH's b, SRP's a, RSA's d). Secret
   * exponents run in constant time (except on the `bigint` engine). Default true.
   */
  secret?: boolean;
  /** Force an engine (tests, benchmarks). `openssl` throws outside Node. Default: {@link configureModExp}'s, else `auto`. */
  engine?: ModExpEngine;
}

/** Process-wide defaults of {@link modExp}. */
export interface ModExpDefaults {
  /** Engine for calls that name none. Default `auto`. */
  engine?: ModExpEngine;
  /** WASM build: true = SIMD, false = plain, undefined = feature detection. */
  simd?: boolean;
}

const defaults: { engine: ModExpEngine; simd: boolean | undefined } = { engine: 'auto', simd: undefined };

/**
 * Sets the engine (and WASM build) that {@link modExp} uses when a call names
 * none — e.g. `{ engine: 'wasm' }` to keep OpenSSL out on Node, or to compare
 * engines in a benchmark. Returns the previous defaults.
 *
 * @example
 * ```ts
 * const before = configureModExp({ engine: 'wasm', simd: false });
 * // ... key exchanges on the plain WASM build ...
 * configureModExp(before);
 * ```
 */
export function configureModExp(options: ModExpDefaults): ModExpDefaults {
  const previous = { ...defaults };
  if (options.engine !== undefined) defaults.engine = options.engine;
  if ('simd' in options && defaults.simd !== options.simd) {
    defaults.simd = options.simd;
    bignum = undefined;
    loading = undefined;
  }
  return previous;
}

/** Public exponents up to this many bits go through OpenSSL's RSA public operation on Node. */
const RSA_ROUTE_MAX_EXP_BITS = 64;
/** OpenSSL refuses DH and RSA keys below 512 bits. */
const OPENSSL_MIN_MOD_BITS = 512;

let bignum: BignumModule | undefined;
let loading: Promise<BignumModule> | undefined;

function wasmModule(): BignumModule | undefined {
  if (bignum) return bignum;
  try {
    bignum = loadBignumModuleSync(defaults.simd);
  } catch {
    // A browser main thread may refuse synchronous compilation: load in the
    // background and use BigInt until then.
    loading ??= loadBignumModule(defaults.simd).then((m) => (bignum = m));
  }
  return bignum;
}

/**
 * Loads the WASM engine asynchronously (for a browser's main thread, where
 * synchronous compilation may be refused). Elsewhere {@link modExp} loads it
 * on first use; awaiting this is optional.
 */
export async function prepareModExp(): Promise<void> {
  if (!bignum) bignum = await (loading ??= loadBignumModule(defaults.simd));
}

// R² mod p per modulus (R depends on the limb count); moduli are few: DH primes, RSA keys.
const r2Cache = new Map<bigint, Uint8Array>();

function montgomeryR2(m: BignumModule, mod: bigint, bits: number, len: number): Uint8Array {
  let r2 = r2Cache.get(mod);
  if (!r2) {
    const shift = BigInt(2 * m.limbBits * m.limbsFor(bits));
    r2 = bigIntToBytes((1n << shift) % mod, len);
    if (r2Cache.size >= 32) r2Cache.clear();
    r2Cache.set(mod, r2);
  }
  return r2;
}

function viaWasm(m: BignumModule, base: bigint, exp: bigint, mod: bigint, bits: number, secret: boolean): bigint | undefined {
  const len = (bits + 7) >> 3;
  // A secret exponent is processed at (at least) the modulus length, so the time does not reveal its size.
  const expLen = Math.max(1, byteLength(exp), secret ? len : 0);
  if (expLen > BIGNUM_MAX_EXPONENT_BYTES) return undefined;
  const expBytes = bigIntToBytes(exp, expLen);
  const out = m.modPow({
    mod: bigIntToBytes(mod, len),
    base: bigIntToBytes(base, len),
    r2: montgomeryR2(m, mod, bits, len),
    exp: expBytes,
    secret,
  });
  expBytes.fill(0);
  return out && bytesToBigInt(out);
}

function viaOpenssl(base: bigint, exp: bigint, mod: bigint, bits: number, secret: boolean): bigint | undefined {
  const route = nodeModExpRoute();
  if (!route || bits < OPENSSL_MIN_MOD_BITS) return undefined;
  const len = (bits + 7) >> 3;
  try {
    if (!secret && exp > 1n && (exp & 1n) === 1n && bitLength(exp) <= RSA_ROUTE_MAX_EXP_BITS) {
      return bytesToBigInt(route.publicRsa(bigIntToBytes(base, len), bigIntToBytes(exp), bigIntToBytes(mod, len)));
    }
    const expBytes = bigIntToBytes(exp);
    try {
      return bytesToBigInt(route.secret(bigIntToBytes(base, len), expBytes, bigIntToBytes(mod, len)));
    } finally {
      expBytes.fill(0);
    }
  } catch {
    return undefined; // OpenSSL refused these operands: the caller falls back to WASM
  }
}

/**
 * `[base1^exp mod mod, base2^exp mod mod]`: the two exponentiations of a DH
 * party with one secret exponent (g^b and g_a^b). Same results and rules as
 * two {@link modExp} calls; on Node's OpenSSL route one key import and one
 * key agreement do both (≈ 0.4 ms less than two calls).
 * @throws CryptoError as {@link modExp}.
 */
export function modExpPair(base1: bigint, base2: bigint, exp: bigint, mod: bigint, options: ModExpOptions = {}): [bigint, bigint] {
  const engine = options.engine ?? defaults.engine;
  if ((engine === 'auto' || engine === 'openssl') && mod > 3n && (mod & 1n) === 1n && exp > 0n) {
    const bits = bitLength(mod);
    const route = nodeModExpRoute();
    const b1 = ((base1 % mod) + mod) % mod;
    const b2 = ((base2 % mod) + mod) % mod;
    if (route && bits >= OPENSSL_MIN_MOD_BITS && b2 > 1n && b2 < mod - 1n) {
      const len = (bits + 7) >> 3;
      const expBytes = bigIntToBytes(exp);
      try {
        const [r1, r2] = route.secretPair(bigIntToBytes(b1, len), bigIntToBytes(b2, len), expBytes, bigIntToBytes(mod, len));
        return [bytesToBigInt(r1), bytesToBigInt(r2)];
      } catch {
        // OpenSSL refused: two separate calls below
      } finally {
        expBytes.fill(0);
      }
    }
  }
  return [modExp(base1, exp, mod, options), modExp(base2, exp, mod, options)];
}

/**
 * `base^exp mod mod` for an odd modulus, on the fastest constant-time engine
 * of this runtime (see the table above).
 *
 * @example
 * ```ts
 * const gB = modExp(3n, b, dhPrime);            // secret exponent: constant time
 * const c = modExp(m, 65537n, n, { secret: false });
 * ```
 * @throws CryptoError when `mod` is not an odd positive number (Montgomery
 *   arithmetic needs an odd modulus; every MTProto modulus is odd), when
 *   `exp` is negative, or when a forced engine is unavailable or refuses the operands.
 */
export function modExp(base: bigint, exp: bigint, mod: bigint, options: ModExpOptions = {}): bigint {
  if (mod <= 0n || (mod & 1n) === 0n) throw new CryptoError('modExp: the modulus must be odd and positive');
  if (exp < 0n) throw new CryptoError('modExp: negative exponent');
  if (mod === 1n) return 0n;
  const engine = options.engine ?? defaults.engine;
  const secret = options.secret ?? true;
  const b = base >= 0n && base < mod ? base : ((base % mod) + mod) % mod;
  if (engine === 'bigint') return modPow(b, exp, mod);
  if (exp === 0n) return 1n;
  const bits = bitLength(mod);
  if (engine === 'auto' || engine === 'openssl') {
    const r = viaOpenssl(b, exp, mod, bits, secret);
    if (r !== undefined) return r;
    if (engine === 'openssl') throw new CryptoError('modExp: the OpenSSL engine is unavailable or refused the operands');
  }
  if (bits <= BIGNUM_MAX_MODULUS_BYTES * 8) {
    const m = wasmModule();
    if (m) {
      const r = viaWasm(m, b, exp, mod, bits, secret);
      if (r !== undefined) return r;
    }
  }
  if (engine === 'wasm') throw new CryptoError('modExp: the WASM engine is unavailable or refused the operands');
  return modPow(b, exp, mod);
}
