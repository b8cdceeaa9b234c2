/**
 * Two-factor authentication: Telegram's SRP-6a variant with the KDF
 * `passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow`
 * (https://core.telegram.org/api/srp#checking-the-password-with-srp).
 *
 * Produces the `A` and `M1` of `inputCheckPasswordSRP` (and the verifier `v`
 * used as `new_password_hash` when setting a password). Numbers entering a
 * hash are 256-byte big-endian ("padded to 2048 bits"); all math is mod p.
 *
 * The password is a secret: it is never logged, put in an error message, or
 * kept after the call (bytes encoded here are wiped).
 */

import { CryptoError, SecurityError } from '../errors.js';
import { bigIntToBytes, bytesToBigInt, mod, randomBigIntBits } from './bigint.js';
import { xorBytes } from './bytes.js';
import { defaultRandom } from './random.js';
import { checkDhPrime, checkDhValue, type CheckDhPrimeOptions } from './dh.js';
import { modExp } from './modexp.js';
import type { CryptoProvider, RandomSource } from './provider.js';

/** PBKDF2 iteration count fixed by the algorithm's name. */
export const SRP_PBKDF2_ITERATIONS = 100000;

/** What SRP needs from the engine: SHA-256, PBKDF2-HMAC-SHA512 and (for `a`) a random source. */
export type SrpCrypto = Pick<CryptoProvider, 'sha256' | 'pbkdf2Sha512' | 'random'>;

/** The fields of `passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow`. */
export interface SrpAlgo {
  /** algo.salt1 (the client appends 32 random bytes when creating a new password). */
  salt1: Uint8Array;
  /** algo.salt2. */
  salt2: Uint8Array;
  /** algo.g (2..7). */
  g: number;
  /** algo.p: the 2048-bit safe prime, big-endian. */
  p: Uint8Array;
}

/** What `account.getPassword` returns for a check: the algo plus `srp_B` and `srp_id`. */
export interface SrpPasswordParams extends SrpAlgo {
  /** account.password.srp_B (the server's g_b), big-endian. */
  srpB: Uint8Array;
  /** account.password.srp_id, passed through to the result. */
  srpId: bigint;
}

/** The values of `inputCheckPasswordSRP`. */
export interface SrpCheckResult {
  /** srp_id, unchanged from the input. */
  srpId: bigint;
  /** A = g^a mod p, 256 bytes big-endian. */
  A: Uint8Array;
  /** M1, 32 bytes. */
  M1: Uint8Array;
}

/** Options for {@link computeSrpCheck}. */
export interface SrpOptions extends CheckDhPrimeOptions {
  /** Source of the secret `a` (256 random bytes). Default: `crypto.random`. */
  random?: RandomSource;
}

const encoder = new TextEncoder();

function passwordBytes(password: string | Uint8Array): { bytes: Uint8Array; owned: boolean } {
  return typeof password === 'string' ? { bytes: encoder.encode(password), owned: true } : { bytes: password, owned: false };
}

/** SH(data, salt) := H(salt ‖ data ‖ salt). */
function saltedHash(crypto: Pick<CryptoProvider, 'sha256'>, data: Uint8Array, salt: Uint8Array): Uint8Array {
  return crypto.sha256([salt, data, salt]);
}

/**
 * The password hash x = PH2(password, salt1, salt2), 32 bytes:
 *
 * - PH1 := SH(SH(password, salt1), salt2)
 * - PH2 := SH(pbkdf2(sha512, PH1, salt1, 100000), salt2)
 *
 * A string password is encoded as UTF-8.
 */
export async function srpPasswordHash(
  password: string | Uint8Array,
  salt1: Uint8Array,
  salt2: Uint8Array,
  crypto: Pick<CryptoProvider, 'sha256' | 'pbkdf2Sha512'>,
): Promise<Uint8Array> {
  const pw = passwordBytes(password);
  try {
    const ph1 = saltedHash(crypto, saltedHash(crypto, pw.bytes, salt1), salt2);
    const stretched = await crypto.pbkdf2Sha512(ph1, salt1, SRP_PBKDF2_ITERATIONS);
    ph1.fill(0);
    const ph2 = saltedHash(crypto, stretched, salt2);
    stretched.fill(0);
    return ph2;
  } finally {
    if (pw.owned) pw.bytes.fill(0);
  }
}

/** Checks p and g and returns them as numbers plus their padded encodings. */
function groupOf(algo: SrpAlgo, options: CheckDhPrimeOptions) {
  if (algo.p.length > 256) throw new SecurityError('dh_prime_size', 'SRP p is longer than 2048 bits');
  const p = bytesToBigInt(algo.p);
  checkDhPrime(p, algo.g, options); // https://core.telegram.org/api/srp: same checks as the auth key's dh_prime
  const g = BigInt(algo.g);
  return { p, g, pBytes: bigIntToBytes(p, 256), gBytes: bigIntToBytes(g, 256) };
}

/**
 * The verifier v = g^x mod p, 256 bytes — sent as `new_password_hash` when
 * setting or changing the password (https://core.telegram.org/api/srp#setting-a-new-2fa-password).
 * @throws SecurityError when p or g fail the DH prime checks.
 */
export async function srpVerifier(
  password: string | Uint8Array,
  algo: SrpAlgo,
  crypto: Pick<CryptoProvider, 'sha256' | 'pbkdf2Sha512'>,
  options: CheckDhPrimeOptions = {},
): Promise<Uint8Array> {
  const { p, g } = groupOf(algo, options);
  const x = bytesToBigInt(await srpPasswordHash(password, algo.salt1, algo.salt2, crypto));
  return bigIntToBytes(modExp(g, x, p), 256);
}

/**
 * Computes `inputCheckPasswordSRP` for a password
 * (https://core.telegram.org/api/srp#checking-the-password-with-srp):
 *
 * 1. checks p and g (as for dh_prime, cached) and srp_B (`srp_B_range`, `srp_B_safe_range`);
 * 2. x := PH2(password, salt1, salt2); v := g^x; k := H(p ‖ g); k_v := k·v mod p;
 * 3. a := 2048 random bits; A := g^a mod p (drawn again if A fails the range checks);
 * 4. u := H(A ‖ B); t := (B − k_v) mod p; S := t^(a + u·x) mod p; K := H(S);
 * 5. M1 := H(H(p) XOR H(g) ‖ H(salt1) ‖ H(salt2) ‖ A ‖ B ‖ K).
 *
 * @throws SecurityError for a bad p, g or srp_B, or a zero u (`srp_u`).
 * @throws CryptoError when the random source yields no usable a.
 */
export async function computeSrpCheck(
  password: string | Uint8Array,
  params: SrpPasswordParams,
  crypto: SrpCrypto,
  options: SrpOptions = {},
): Promise<SrpCheckResult> {
  const random = options.random ?? crypto.random ?? defaultRandom;
  const group = groupOf(params, options);
  for (let attempt = 0; attempt < 8; attempt++) {
    const a = randomBigIntBits(random, 2048);
    const A = modExp(group.g, a, group.p);
    try {
      checkDhValue(A, group.p, 'srp_A');
    } catch {
      continue; // probability ~2^-63 with a real RNG
    }
    return srpFinish(password, params, group, a, A, crypto);
  }
  throw new CryptoError('computeSrpCheck: no usable a after 8 draws (broken random source?)');
}

/**
 * {@link computeSrpCheck} with a caller-chosen secret `a` — for replaying
 * fixed test vectors. Unlike the random path, A is not range-checked (a
 * vector may use a tiny `a`); p, g and srp_B are checked as usual.
 * Never use a predictable `a` against a real server.
 */
export async function computeSrpCheckWithSecret(
  password: string | Uint8Array,
  params: SrpPasswordParams,
  a: bigint,
  crypto: Pick<CryptoProvider, 'sha256' | 'pbkdf2Sha512'>,
  options: CheckDhPrimeOptions = {},
): Promise<SrpCheckResult> {
  if (a <= 0n) throw new CryptoError('SRP: a must be positive');
  const group = groupOf(params, options);
  return srpFinish(password, params, group, a, modExp(group.g, a, group.p), crypto);
}

async function srpFinish(
  password: string | Uint8Array,
  params: SrpPasswordParams,
  group: ReturnType<typeof groupOf>,
  a: bigint,
  A: bigint,
  crypto: Pick<CryptoProvider, 'sha256' | 'pbkdf2Sha512'>,
): Promise<SrpCheckResult> {
  const { p, g, pBytes, gBytes } = group;
  if (params.srpB.length > 256) throw new SecurityError('srp_B_range', 'srp_B is longer than 2048 bits');
  const B = bytesToBigInt(params.srpB);
  checkDhValue(B, p, 'srp_B');
  const aBytes = bigIntToBytes(A, 256);
  const bBytes = bigIntToBytes(B, 256);

  const x = bytesToBigInt(await srpPasswordHash(password, params.salt1, params.salt2, crypto));
  const v = modExp(g, x, p);
  const k = bytesToBigInt(crypto.sha256([pBytes, gBytes]));
  const kv = (k * v) % p;

  const u = bytesToBigInt(crypto.sha256([aBytes, bBytes]));
  if (u === 0n) throw new SecurityError('srp_u', 'SRP u = H(A | B) is zero');
  const t = mod(B - kv, p);
  if (t === 0n) throw new SecurityError('srp_B_range', 'srp_B - k*v is zero mod p');
  const S = modExp(t, a + u * x, p);
  const K = crypto.sha256(bigIntToBytes(S, 256));

  const M1 = crypto.sha256([
    xorBytes(crypto.sha256(pBytes), crypto.sha256(gBytes)),
    crypto.sha256(params.salt1),
    crypto.sha256(params.salt2),
    aBytes,
    bBytes,
    K,
  ]);
  K.fill(0);
  return { srpId: params.srpId, A: aBytes, M1 };
}
