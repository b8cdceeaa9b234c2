/**
 * Test support for the MTProto tests: the engine under test, fixed random
 * sources, a server RSA key made with node:crypto, and a SecurityError matcher.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { bytesToBigInt } from '../../ts/crypto/bigint.js';
import type { CryptoProvider, RandomSource } from '../../ts/crypto/provider.js';
import { rsaKeyFingerprint, type RsaPublicKey } from '../../ts/crypto/rsa.js';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.js';
import { SecurityError } from '../../ts/errors.js';
import type { ServerRsaKey } from '../../ts/mtproto/server-side.js';

export { replayRandom } from '../crypto/_support.js';

let provider: CryptoProvider | undefined;

/** The WASM engine (shared by the tests of one file). */
export async function getProvider(): Promise<CryptoProvider> {
  return (provider ??= await createWasmProvider());
}

/** A deterministic random source (SHA-256 in counter mode over `seed`): reproducible and unbiased enough for tests. */
export function seededRandom(seed: string): RandomSource {
  let counter = 0;
  let pool = new Uint8Array(0);
  let pos = 0;
  return (out) => {
    for (let i = 0; i < out.length; i++) {
      if (pos === pool.length) {
        pool = new Uint8Array(createHash('sha256').update(`${seed}:${counter++}`).digest());
        pos = 0;
      }
      out[i] = pool[pos++]!;
    }
  };
}

const b64url = (s: string) => bytesToBigInt(new Uint8Array(Buffer.from(s, 'base64url')));

let serverKey: { priv: ServerRsaKey; pub: RsaPublicKey } | undefined;

/** A 2048-bit RSA key pair for the in-memory server (generated once per process). */
export async function getServerKey(): Promise<{ priv: ServerRsaKey; pub: RsaPublicKey }> {
  if (!serverKey) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    const priv = { n: b64url(jwk.n!), e: b64url(jwk.e!), d: b64url(jwk.d!) };
    const crypto = await getProvider();
    serverKey = { priv, pub: { n: priv.n, e: priv.e, fingerprint: rsaKeyFingerprint(priv, crypto) } };
  }
  return serverKey;
}

/** For `assert.throws(fn, isSecurity('check'))`. */
export const isSecurity =
  (check: string) =>
  (e: unknown): boolean =>
    e instanceof SecurityError && e.check === check;

/** Runs `fn` and returns the SecurityError's check name (or fails). */
export function securityCheckOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SecurityError) return e.check;
    throw e;
  }
  throw new Error('expected a SecurityError, nothing was thrown');
}

/** A clock the test moves by hand. */
export function manualClock(start: number): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

/** Returns the given ids in order (sample msg_ids). */
export function sequence<T>(...values: T[]): () => T {
  let i = 0;
  return () => {
    if (i >= values.length) throw new Error('sequence exhausted');
    return values[i++]!;
  };
}
