/**
 * Telegram's public RSA keys — the server keys built into the official
 * clients (Telegram Desktop, Telegram for Android, TDLib) — and key selection
 * from the fingerprint list of `resPQ`
 * (https://core.telegram.org/mtproto/auth_key#2-server-sends-response-of-the-form).
 *
 * These are public data. The fingerprints below are precomputed; the tests
 * recompute them from the PEM text and compare with the published values.
 */

import { SecurityError } from '../errors.js';
import { parseRsaPublicKeyPem, type RsaPublicKey } from './rsa.js';

/** One built-in Telegram server key. */
export interface TelegramRsaKey {
  /** PKCS#1 PEM text. */
  readonly pem: string;
  /** Unsigned 64-bit fingerprint (see `rsaKeyFingerprint`). */
  readonly fingerprint: bigint;
  /** True for the key of the test DCs (149.154.167.40 etc.), false for production. */
  readonly testServers: boolean;
}

/**
 * Production key, fingerprint 0xd09d1d85de64fd85 (shown in the resPQ of
 * https://core.telegram.org/mtproto/samples-auth_key as `85FD64DE851D9DD0`).
 */
export const TELEGRAM_PRODUCTION_RSA_KEY: TelegramRsaKey = {
  pem: `-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g
5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO
62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/
+aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9
t6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs
5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB
-----END RSA PUBLIC KEY-----`,
  fingerprint: 0xd09d1d85de64fd85n,
  testServers: false,
};

/** Test-DC key, fingerprint 0xb25898df208d2603. */
export const TELEGRAM_TEST_RSA_KEY: TelegramRsaKey = {
  pem: `-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAyMEdY1aR+sCR3ZSJrtztKTKqigvO/vBfqACJLZtS7QMgCGXJ6XIR
yy7mx66W0/sOFa7/1mAZtEoIokDP3ShoqF4fVNb6XeqgQfaUHd8wJpDWHcR2OFwv
plUUI1PLTktZ9uW2WE23b+ixNwJjJGwBDJPQEQFBE+vfmH0JP503wr5INS1poWg/
j25sIWeYPHYeOrFp/eXaqhISP6G+q2IeTaWTXpwZj4LzXq5YOpk4bYEQ6mvRq7D1
aHWfYmlEGepfaYR8Q0YqvvhYtMte3ITnuSJs171+GDqpdKcSwHnd6FudwGO4pcCO
j4WcDuXc2CTHgH8gFTNhp/Y8/SpDOhvn9QIDAQAB
-----END RSA PUBLIC KEY-----`,
  fingerprint: 0xb25898df208d2603n,
  testServers: true,
};

/** Every built-in key. */
export const TELEGRAM_RSA_KEYS: readonly TelegramRsaKey[] = [TELEGRAM_PRODUCTION_RSA_KEY, TELEGRAM_TEST_RSA_KEY];

const parsedCache = new Map<TelegramRsaKey, RsaPublicKey>();

/** Parses a built-in key once (no hashing needed: the fingerprint is stored). */
export function telegramRsaPublicKey(key: TelegramRsaKey): RsaPublicKey {
  let parsed = parsedCache.get(key);
  if (!parsed) {
    const { n, e } = parseRsaPublicKeyPem(key.pem);
    parsed = { n, e, fingerprint: key.fingerprint };
    parsedCache.set(key, parsed);
  }
  return parsed;
}

/**
 * The parsed built-in keys for production (`testServers: false`, default) or
 * for the test DCs (`true`).
 */
export function telegramRsaPublicKeys(options: { testServers?: boolean } = {}): RsaPublicKey[] {
  const test = options.testServers ?? false;
  return TELEGRAM_RSA_KEYS.filter((k) => k.testServers === test).map(telegramRsaPublicKey);
}

/**
 * Picks the first fingerprint of the server's list (`resPQ.server_public_key_fingerprints`,
 * in the server's order) for which a key is known. Fingerprints are compared
 * as unsigned 64-bit values, so a TL `long` read as signed also matches.
 *
 * @param keys  the keys the client trusts (default: production keys).
 * @throws SecurityError (`rsa_fingerprint`) when no listed fingerprint is known —
 *   the server cannot be authenticated.
 */
export function pickRsaKey(serverFingerprints: readonly bigint[], keys: readonly RsaPublicKey[] = telegramRsaPublicKeys()): RsaPublicKey {
  for (const fp of serverFingerprints) {
    const wanted = BigInt.asUintN(64, fp);
    const key = keys.find((k) => BigInt.asUintN(64, k.fingerprint) === wanted);
    if (key) return key;
  }
  throw new SecurityError('rsa_fingerprint', 'none of the server RSA key fingerprints is known');
}
