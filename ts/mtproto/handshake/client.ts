/**
 * The client side of the auth key exchange as four pure steps
 * (https://core.telegram.org/mtproto/auth_key). Nothing here touches a
 * socket or a timer: each step takes the previous state and the server's
 * unencrypted reply (the bytes of the whole plain message) and returns the
 * next request to send and the next state.
 *
 * ```ts
 * let { request, state } = startKeyExchange({ crypto, dcId: 2 });
 * send(request);
 * ({ request, state } = requestDhParams(state, await receive()));
 * send(request);
 * let s3 = setClientDhParams(state, await receive());
 * send(s3.request);
 * let r = finishKeyExchange(s3.state, await receive());
 * while (r.kind === 'retry') { send(r.request); r = finishKeyExchange(r.state, await receive()); }
 * const { authKey, serverSalt, timeOffset } = r;
 * ```
 *
 * Every check the spec and the security guidelines require is applied; a
 * failure throws `SecurityError` whose `check` names the rule, and the whole
 * exchange has to restart (https://core.telegram.org/mtproto/security_guidelines#behavior-in-case-of-mismatch).
 * States hold secrets (new_nonce, the DH exponent's result): never log them.
 */

import { bigIntToBytes, bytesToBigInt, modPow } from '../../crypto/bigint.js';
import { bytesEqual, randomBytesFrom } from '../../crypto/bytes.js';
import { computeDhClient, type CheckDhPrimeOptions } from '../../crypto/dh.js';
import {
  authKeyHashes,
  checkAnswerWithHash,
  checkNewNonceHash,
  deriveTmpAesKeyIv,
  initialServerSalt,
  withSha1AndPadding,
  type TmpAesKeyIv,
} from '../../crypto/handshake-kdf.js';
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { pickRsaKey, telegramRsaPublicKeys } from '../../crypto/rsa-keys.js';
import { rsaPadEncrypt, type RsaPublicKey } from '../../crypto/rsa.js';
import { CryptoError, SecurityError } from '../../errors.js';
import { redact } from '../../redact.js';
import { encode } from '../../tl/codec/index.js';
import type { mt } from '../../tl/generated/types.js';
import type { MsgIdGenerator } from '../msg-id.js';
import {
  type AuthKeyResult,
  expectNonce,
  longFromBytes,
  type MsgIdSource,
  msgIdFunction,
  plainMessage,
  readObjectPrefix,
  readServerAnswer,
} from './common.js';

/** Options of a client-side key exchange. */
export interface ClientHandshakeOptions extends MsgIdSource {
  /** The crypto engine (SHA, AES-IGE, PQ factorization). */
  crypto: CryptoProvider;
  /**
   * The DC id put in p_q_inner_data_dc: the DC number, +10000 for test
   * servers, negative for media DCs (https://core.telegram.org/mtproto/auth_key#presenting-proof-of-work-server-authentication).
   */
  dcId: number;
  /** The server keys the client trusts (default: Telegram's production keys). */
  rsaKeys?: readonly RsaPublicKey[];
  /**
   * Create a temporary key valid for this many seconds
   * (p_q_inner_data_temp_dc, https://core.telegram.org/api/pfs). Omit for a permanent key.
   */
  expiresIn?: number;
  /**
   * Randomness, in the order used: nonce (16), new_nonce (32), RSA_PAD
   * padding and temp_key, b (256), client_DH_inner_data padding.
   * Default: `crypto.random`.
   */
  random?: RandomSource;
  /** How many dh_gen_retry answers are accepted before giving up (default 5). */
  maxRetries?: number;
  /** Options of the dh_prime check (Miller–Rabin rounds, cache). */
  dhPrimeCheck?: CheckDhPrimeOptions;
}

/** What every step carries along. */
interface Context {
  readonly options: ClientHandshakeOptions;
  readonly random: RandomSource;
  readonly nextMsgId: () => bigint;
  readonly msgIds: MsgIdGenerator;
}

/** State after {@link startKeyExchange}: waiting for resPQ. */
export interface ClientStep1State {
  readonly step: 1;
  readonly ctx: Context;
  readonly nonce: Uint8Array;
}

/** State after {@link requestDhParams}: waiting for server_DH_params_ok. Secret. */
export interface ClientStep2State {
  readonly step: 2;
  readonly ctx: Context;
  readonly nonce: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly newNonce: Uint8Array;
}

/** State after {@link setClientDhParams} (or a retry): waiting for dh_gen_ok / retry / fail. Secret. */
export interface ClientStep3State {
  readonly step: 3;
  readonly ctx: Context;
  readonly nonce: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly newNonce: Uint8Array;
  readonly tmp: TmpAesKeyIv;
  readonly g: number;
  readonly dhPrime: Uint8Array;
  readonly gA: Uint8Array;
  /** The key computed for the attempt in flight. */
  readonly authKey: Uint8Array;
  readonly timeOffset: number;
  /** Number of set_client_DH_params sent so far. */
  readonly attempts: number;
}

/** A step's output: the plain message to send and the state to keep. */
export interface KeyExchangeStep<S> {
  /** The whole unencrypted message (auth_key_id 0 ‖ msg_id ‖ length ‖ body) to hand to the transport. */
  request: Uint8Array;
  state: S;
}

/** The outcome of {@link finishKeyExchange}. */
export type KeyExchangeOutcome = ({ kind: 'done' } & AuthKeyResult) | { kind: 'retry'; request: Uint8Array; state: ClientStep3State };

/** Miller–Rabin bases that decide primality exactly for every n < 3.3·10^24 (so every 64-bit pq). */
const MR_BASES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n];

/** Deterministic primality of a number below 2^64 (no randomness: the injected source stays untouched). */
function isPrime64(n: bigint): boolean {
  if (n < 2n) return false;
  for (const b of MR_BASES) {
    if (n === b) return true;
    if (n % b === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  witness: for (const a of MR_BASES) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) continue witness;
    }
    return false;
  }
  return true;
}

/**
 * Step 1: `req_pq_multi` with a fresh random nonce
 * (https://core.telegram.org/mtproto/auth_key#1-client-sends-query-to-server).
 */
export function startKeyExchange(options: ClientHandshakeOptions): KeyExchangeStep<ClientStep1State> {
  const random = options.random ?? options.crypto.random;
  const { next, ids } = msgIdFunction(options, 'client');
  const ctx: Context = { options, random, nextMsgId: next, msgIds: ids };
  const nonce = randomBytesFrom(random, 16);
  const req: mt.req_pq_multi = { _: 'req_pq_multi', nonce };
  return { request: plainMessage(ctx.nextMsgId(), req), state: { step: 1, ctx, nonce } };
}

/**
 * Steps 2–5: checks `resPQ`, picks a known RSA key from its fingerprints,
 * factorizes pq, and sends `req_DH_params` with `p_q_inner_data_dc` (or
 * `p_q_inner_data_temp_dc`) encrypted by RSA_PAD
 * (https://core.telegram.org/mtproto/auth_key#2-server-sends-response-of-the-form).
 *
 * @throws SecurityError `nonce`, `pq` (not 1..8 bytes), `pq_factorization`, `rsa_fingerprint`, `unexpected_answer`, `plain_*`, `msg_id_parity`
 */
export function requestDhParams(state: ClientStep1State, response: Uint8Array): KeyExchangeStep<ClientStep2State> {
  const { ctx, nonce } = state;
  const { crypto } = ctx.options;
  const resPQ = readServerAnswer(response, ['resPQ']);
  expectNonce(resPQ.nonce, nonce, 'nonce');
  if (resPQ.pq.length < 1 || resPQ.pq.length > 8) {
    throw new SecurityError('pq', `pq is ${resPQ.pq.length} bytes, expected a 64-bit number`);
  }
  const key = pickRsaKey(resPQ.server_public_key_fingerprints, ctx.options.rsaKeys ?? telegramRsaPublicKeys());

  const pq = bytesToBigInt(resPQ.pq);
  // A prime pq would keep Pollard's rho busy until its iteration limit: refuse it up front.
  if (pq < 4n || isPrime64(pq)) {
    throw new SecurityError('pq_factorization', `pq = ${pq} is not a product of two primes`);
  }
  let p: bigint;
  let q: bigint;
  try {
    [p, q] = crypto.factorizePQ(pq);
  } catch (e) {
    if (e instanceof CryptoError) throw new SecurityError('pq_factorization', `pq = ${pq} is not a product of two primes: ${e.message}`);
    throw e;
  }
  if (p * q !== pq || p >= q) throw new SecurityError('pq_factorization', `factorization of pq = ${pq} failed`);

  const newNonce = randomBytesFrom(ctx.random, 32);
  const common = {
    pq: resPQ.pq,
    p: bigIntToBytes(p),
    q: bigIntToBytes(q),
    nonce,
    server_nonce: resPQ.server_nonce,
    new_nonce: newNonce,
    dc: ctx.options.dcId,
  };
  const inner: mt.P_Q_inner_data =
    ctx.options.expiresIn === undefined
      ? { _: 'p_q_inner_data_dc', ...common }
      : { _: 'p_q_inner_data_temp_dc', ...common, expires_in: ctx.options.expiresIn };
  const encrypted = rsaPadEncrypt(encode(inner), key, crypto, ctx.random);
  const req: mt.req_DH_params = {
    _: 'req_DH_params',
    nonce,
    server_nonce: resPQ.server_nonce,
    p: common.p,
    q: common.q,
    public_key_fingerprint: key.fingerprint,
    encrypted_data: encrypted,
  };
  return {
    request: plainMessage(ctx.nextMsgId(), req),
    // new_nonce is the secret the key and the first salt derive from.
    state: redact({ step: 2, ctx, nonce, serverNonce: resPQ.server_nonce, newNonce }, 'ClientHandshakeState'),
  };
}

/**
 * The `client_DH_inner_data` request for one attempt: a new b, g_b, the
 * key, and `set_client_DH_params` encrypted with the temporary AES key/IV
 * (https://core.telegram.org/mtproto/auth_key#7-client-computes-random-2048-bit-number-b-using-a-sufficient-amount-of-entropy-and-sends-the-server-a-message).
 */
function dhAttempt(
  base: Omit<ClientStep3State, 'authKey' | 'attempts'>,
  retryId: bigint,
  attempts: number,
): KeyExchangeStep<ClientStep3State> {
  const { ctx } = base;
  const { crypto } = ctx.options;
  const dh = computeDhClient({ g: base.g, dhPrime: base.dhPrime, gA: base.gA }, { ...ctx.options.dhPrimeCheck, random: ctx.random });
  const inner: mt.client_DH_inner_data = {
    _: 'client_DH_inner_data',
    nonce: base.nonce,
    server_nonce: base.serverNonce,
    retry_id: retryId,
    g_b: dh.gB,
  };
  const dataWithHash = withSha1AndPadding(encode(inner), crypto, ctx.random);
  const req: mt.set_client_DH_params = {
    _: 'set_client_DH_params',
    nonce: base.nonce,
    server_nonce: base.serverNonce,
    encrypted_data: crypto.igeEncrypt(dataWithHash, base.tmp.key, base.tmp.iv),
  };
  return {
    request: plainMessage(ctx.nextMsgId(), req),
    state: redact({ ...base, step: 3, authKey: dh.authKey, attempts: attempts + 1 }, 'ClientHandshakeState'),
  };
}

/**
 * Steps 6–7: checks `server_DH_params_ok` (nonces, the SHA1 of the
 * decrypted answer, dh_prime, g, g_a), learns the server time, and sends
 * `set_client_DH_params`. A verified `server_DH_params_fail` throws
 * `SecurityError('server_dh_params_fail')`.
 *
 * @throws SecurityError `nonce`, `server_nonce`, `answer_length`, `answer_padding`, `answer_hash`,
 *   `new_nonce_hash` (a fail answer with a wrong hash), `server_dh_params_fail`, and the DH checks
 *   of `computeDhClient`: `dh_g`, `dh_prime_size`, `dh_g_subgroup`, `dh_prime_prime`, `dh_prime_safe`,
 *   `g_a_range`, `g_a_safe_range`.
 */
export function setClientDhParams(state: ClientStep2State, response: Uint8Array): KeyExchangeStep<ClientStep3State> {
  const { ctx, nonce, serverNonce, newNonce } = state;
  const { crypto } = ctx.options;
  const answer = readServerAnswer(response, ['server_DH_params_ok', 'server_DH_params_fail']);
  expectNonce(answer.nonce, nonce, 'nonce');
  expectNonce(answer.server_nonce, serverNonce, 'server_nonce');

  if (answer._ === 'server_DH_params_fail') {
    // new_nonce_hash: the 128 lower-order bits of SHA1(new_nonce).
    if (!bytesEqual(answer.new_nonce_hash, crypto.sha1(newNonce).subarray(4, 20))) {
      throw new SecurityError('new_nonce_hash', 'server_DH_params_fail carries a wrong new_nonce_hash');
    }
    throw new SecurityError('server_dh_params_fail', 'the server refused req_DH_params (server_DH_params_fail)');
  }

  const encrypted = answer.encrypted_answer;
  if (encrypted.length < 32 || encrypted.length % 16 !== 0) {
    throw new SecurityError('answer_length', `encrypted_answer is ${encrypted.length} bytes, not a multiple of 16`);
  }
  const tmp = deriveTmpAesKeyIv(newNonce, serverNonce, crypto);
  const decrypted = crypto.igeDecrypt(encrypted, tmp.key, tmp.iv);
  const { obj, length } = readObjectPrefix(decrypted, 20, 'answer_hash');
  checkAnswerWithHash(decrypted, length, crypto);
  if (obj._ !== 'server_DH_inner_data') {
    throw new SecurityError('unexpected_answer', `expected server_DH_inner_data, got ${obj._}`);
  }
  const inner = obj as mt.server_DH_inner_data;
  expectNonce(inner.nonce, nonce, 'nonce');
  expectNonce(inner.server_nonce, serverNonce, 'server_nonce');

  const timeOffset = inner.server_time - (ctx.options.clock ?? Date.now)() / 1000;
  ctx.msgIds.timeOffset = timeOffset;
  return dhAttempt(
    { step: 3, ctx, nonce, serverNonce, newNonce, tmp, g: inner.g, dhPrime: inner.dh_prime, gA: inner.g_a, timeOffset },
    0n,
    0,
  );
}

/**
 * Steps 8–9: checks the server's verdict on the key. `dh_gen_ok` with the
 * right new_nonce_hash1 completes the exchange; `dh_gen_retry` (hash2)
 * returns a new `set_client_DH_params` with a fresh b and
 * `retry_id = auth_key_aux_hash` of the rejected key, at most
 * `maxRetries` times; `dh_gen_fail` (hash3) ends it
 * (https://core.telegram.org/mtproto/auth_key#9-server-responds-in-one-of-three-ways).
 *
 * @throws SecurityError `nonce`, `server_nonce`, `new_nonce_hash1|2|3`, `dh_gen_fail`, `dh_gen_retry_limit`
 */
export function finishKeyExchange(state: ClientStep3State, response: Uint8Array): KeyExchangeOutcome {
  const { ctx, nonce, serverNonce, newNonce, authKey } = state;
  const { crypto } = ctx.options;
  const answer = readServerAnswer(response, ['dh_gen_ok', 'dh_gen_retry', 'dh_gen_fail']);
  expectNonce(answer.nonce, nonce, 'nonce');
  expectNonce(answer.server_nonce, serverNonce, 'server_nonce');
  const { id, auxHash } = authKeyHashes(authKey, crypto);

  switch (answer._) {
    case 'dh_gen_ok': {
      checkNewNonceHash(answer.new_nonce_hash1, newNonce, 1, auxHash, crypto);
      const result: { kind: 'done' } & AuthKeyResult = {
        kind: 'done',
        authKey,
        authKeyId: id,
        serverSalt: longFromBytes(initialServerSalt(newNonce, serverNonce)),
        timeOffset: state.timeOffset,
        dcId: ctx.options.dcId,
      };
      if (ctx.options.expiresIn !== undefined) result.expiresIn = ctx.options.expiresIn;
      return redact(result, 'AuthKeyResult');
    }
    case 'dh_gen_retry': {
      checkNewNonceHash(answer.new_nonce_hash2, newNonce, 2, auxHash, crypto);
      const max = ctx.options.maxRetries ?? 5;
      // attempts counts set_client_DH_params sent: the first one plus the retries so far.
      if (state.attempts - 1 >= max) {
        throw new SecurityError('dh_gen_retry_limit', `the server asked to retry more than ${max} times`);
      }
      const next = dhAttempt(state, longFromBytes(auxHash), state.attempts);
      return { kind: 'retry', request: next.request, state: next.state };
    }
    case 'dh_gen_fail':
      checkNewNonceHash(answer.new_nonce_hash3, newNonce, 3, auxHash, crypto);
      throw new SecurityError('dh_gen_fail', 'the server rejected the key (dh_gen_fail)');
  }
}
