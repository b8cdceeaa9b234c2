/**
 * 2FA passwords of the in-memory Telegram: the server side of SRP
 * (https://core.telegram.org/api/srp). The server keeps only the verifier
 * v = g^x mod p (x from the password KDF), never the password; each
 * `account.getPassword` starts an SRP round with a fresh secret b and
 * B = k·v + g^b mod p, and `auth.checkPassword` recomputes M1 from the
 * client's A and compares.
 *
 * Keys that passed the code step of a login for an account with a password
 * are "password pending": they may call `account.getPassword` and
 * `auth.checkPassword`, nothing else that needs a login.
 */
import { bigIntToBytes, bytesToBigInt, mod, modPow, randomBigIntBits } from '../../crypto/bigint.js';
import { xorBytes } from '../../crypto/bytes.js';
import { TELEGRAM_DH_PRIME_BYTES } from '../../crypto/dh.js';
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { srpVerifier } from '../../crypto/srp.js';
import { createWasmProviderSync } from '../../crypto/wasm-provider.js';
import { randomBytes, randomLong } from './clock.js';
import { ArgumentError } from '../../errors.js';

/** g of every password (Telegram uses 3 with its 2048-bit prime). */
export const SRP_G = 3;

/** What the server stores for an account's password. */
export interface PasswordRecord {
  readonly salt1: Uint8Array;
  readonly salt2: Uint8Array;
  /** The verifier v, 256 bytes big-endian. */
  readonly verifier: Uint8Array;
  readonly hint?: string;
}

/** One SRP round in progress (from account.getPassword to auth.checkPassword). */
interface SrpRound {
  readonly userId: bigint;
  readonly srpId: bigint;
  readonly b: bigint;
  readonly B: Uint8Array;
}

type Hashes = Pick<CryptoProvider, 'sha256' | 'pbkdf2Sha512'>;

/** Passwords, SRP rounds and password-pending keys. */
export class PasswordStore {
  private readonly records = new Map<bigint, PasswordRecord>();
  private readonly rounds = new Map<bigint, SrpRound>();
  private readonly pending = new Map<string, bigint>();
  private hashes: Hashes | undefined;

  constructor(private readonly random: RandomSource) {}

  private crypto(): Hashes {
    return (this.hashes ??= createWasmProviderSync());
  }

  /** Sets (or, with undefined, removes) the 2FA password of `userId`. Async: the KDF runs PBKDF2 100 000 times. */
  async set(userId: bigint, password: string | undefined, hint?: string): Promise<void> {
    if (password === undefined) {
      this.records.delete(userId);
      return;
    }
    const salt1 = randomBytes(this.random, 40);
    const salt2 = randomBytes(this.random, 16);
    const verifier = await srpVerifier(password, { salt1, salt2, g: SRP_G, p: TELEGRAM_DH_PRIME_BYTES }, this.crypto());
    this.records.set(userId, { salt1, salt2, verifier, ...(hint !== undefined && { hint }) });
  }

  /** The password record of `userId`, if it has one. */
  get(userId: bigint): PasswordRecord | undefined {
    return this.records.get(userId);
  }

  /** Marks key (dcId, authKeyId) as waiting for `userId`'s password. */
  setPending(dcId: number, authKeyId: bigint, userId: bigint): void {
    this.pending.set(`${dcId}:${authKeyId}`, userId);
  }

  /** The user whose password key (dcId, authKeyId) waits for, if any. */
  pendingUser(dcId: number, authKeyId: bigint): bigint | undefined {
    return this.pending.get(`${dcId}:${authKeyId}`);
  }

  /** Ends the pending state of a key. */
  clearPending(dcId: number, authKeyId: bigint): void {
    this.pending.delete(`${dcId}:${authKeyId}`);
  }

  /** Starts an SRP round for `userId`: the srp_id and srp_B to send (https://core.telegram.org/api/srp#checking-the-password-with-srp). */
  startRound(userId: bigint): { srpId: bigint; B: Uint8Array } {
    const rec = this.records.get(userId);
    if (!rec) throw new ArgumentError(`user ${userId} has no password`);
    const p = bytesToBigInt(TELEGRAM_DH_PRIME_BYTES);
    const g = BigInt(SRP_G);
    const c = this.crypto();
    const k = bytesToBigInt(c.sha256([bigIntToBytes(p, 256), bigIntToBytes(g, 256)]));
    const v = bytesToBigInt(rec.verifier);
    const b = randomBigIntBits(this.random, 2048) % p;
    const B = bigIntToBytes(mod(k * v + modPow(g, b, p), p), 256);
    const srpId = randomLong(this.random);
    this.rounds.set(userId, { userId, srpId, b, B });
    return { srpId, B };
  }

  /**
   * Checks the client's proof: 'ok', 'srp_id' when the round is unknown or
   * stale (SRP_ID_INVALID), 'hash' when M1 does not match (PASSWORD_HASH_INVALID).
   * The round is used up either way.
   */
  check(userId: bigint, srpId: bigint, A: Uint8Array, M1: Uint8Array): 'ok' | 'srp_id' | 'hash' {
    const round = this.rounds.get(userId);
    const rec = this.records.get(userId);
    if (!round || !rec || round.srpId !== srpId) return 'srp_id';
    this.rounds.delete(userId);
    const c = this.crypto();
    const p = bytesToBigInt(TELEGRAM_DH_PRIME_BYTES);
    const pBytes = bigIntToBytes(p, 256);
    const gBytes = bigIntToBytes(BigInt(SRP_G), 256);
    const a = bytesToBigInt(A);
    if (A.length > 256 || a <= 1n || a >= p - 1n) return 'hash';
    const aBytes = bigIntToBytes(a, 256);
    const u = bytesToBigInt(c.sha256([aBytes, round.B]));
    const v = bytesToBigInt(rec.verifier);
    // Server side: S = (A · v^u)^b mod p, the same S the client gets as (B − k·v)^(a + u·x).
    const S = modPow(mod(a * modPow(v, u, p), p), round.b, p);
    const K = c.sha256(bigIntToBytes(S, 256));
    const expected = c.sha256([xorBytes(c.sha256(pBytes), c.sha256(gBytes)), c.sha256(rec.salt1), c.sha256(rec.salt2), aBytes, round.B, K]);
    if (M1.length !== expected.length) return 'hash';
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ M1[i]!;
    return diff === 0 ? 'ok' : 'hash';
  }
}
