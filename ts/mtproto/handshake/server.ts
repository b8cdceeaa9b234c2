/**
 * The server side of the auth key exchange as three pure steps, for the
 * project's test server (ts/testing) and for tests
 * (https://core.telegram.org/mtproto/auth_key, read from the server's seat).
 *
 * ```ts
 * let s1 = answerReqPq(options, reqPqMulti);      // → resPQ
 * let s2 = answerReqDhParams(s1.state, reqDhParams);    // → server_DH_params_ok
 * let s3 = answerSetClientDhParams(s2.state, setClientDh);    // → dh_gen_ok (or dh_gen_retry)
 * if (s3.kind === 'done') store(s3.authKey);
 * ```
 *
 * Each step checks what the client sent and throws `SecurityError` (the
 * connection should be closed) when a rule is broken.
 */

import { bigIntToBytes, bytesToBigInt, randomBigIntBits } from '../../crypto/bigint.js';
import { bytesEqual, randomBytesFrom } from '../../crypto/bytes.js';
import { checkDhValue, TELEGRAM_DH_PRIME_BYTES } from '../../crypto/dh.js';
import {
  authKeyHashes,
  checkAnswerWithHash,
  deriveTmpAesKeyIv,
  initialServerSalt,
  newNonceHash,
  withSha1AndPadding,
  type TmpAesKeyIv,
} from '../../crypto/handshake-kdf.js';
import { modExp } from '../../crypto/modexp.js';
import { isProbablePrime } from '../../crypto/prime.js';
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { rsaKeyFingerprint } from '../../crypto/rsa.js';
import { CryptoError, SecurityError } from '../../errors.js';
import { redact } from '../../redact.js';
import { encode } from '../../tl/codec/index.js';
import type { mt } from '../../tl/generated/types.js';
import {
  type AuthKeyResult,
  expectNonce,
  longFromBytes,
  type MsgIdSource,
  msgIdFunction,
  plainMessage,
  readClientRequest,
  readObjectPrefix,
} from './common.js';
import { decryptPqInnerData, type RsaScheme } from './server-inner-data.js';

/** The server's RSA key pair (n, e public; d private). */
export interface ServerRsaKey {
  readonly n: bigint;
  readonly e: bigint;
  readonly d: bigint;
}

/** Options of a server-side key exchange. */
export interface ServerHandshakeOptions extends MsgIdSource {
  crypto: CryptoProvider;
  /** The private key whose public half the clients trust (2048-bit modulus). */
  rsaKey: ServerRsaKey;
  /** When set, p_q_inner_data_dc must name this DC id (else `SecurityError('dc_id')`). */
  dcId?: number;
  /** Randomness: server_nonce, pq primes (default generator), a, answer padding. Default `crypto.random`. */
  random?: RandomSource;
  /** The two primes p < q of resPQ.pq (default: two random 30/31-bit primes). */
  pq?: () => readonly [bigint, bigint];
  /** dh_prime, big-endian (default: Telegram's published safe prime). */
  dhPrime?: Uint8Array;
  /** Generator g (default 3, which suits Telegram's prime). */
  g?: number;
  /**
   * Called with each new key's id; returning false answers `dh_gen_retry`
   * (the server's reaction to an auth_key_id collision), so clients' retry
   * logic can be exercised. Default: accept.
   */
  acceptAuthKey?: (authKeyId: Uint8Array) => boolean;
  /**
   * Accept only what the spec describes today: RSA_PAD and
   * `p_q_inner_data_dc` / `p_q_inner_data_temp_dc`. Default false: also the
   * legacy SHA1-padded RSA scheme and the no-dc variants, as Telegram does
   * (see server-inner-data.ts).
   */
  strict?: boolean;
}

/** Which variant of the key exchange a client used (for logs and traces). */
export interface KeyExchangeVariant {
  /** `p_q_inner_data`, `p_q_inner_data_dc`, `p_q_inner_data_temp` or `p_q_inner_data_temp_dc`. */
  readonly innerData: string;
  readonly rsaScheme: RsaScheme;
}

interface ServerContext {
  readonly options: ServerHandshakeOptions;
  readonly random: RandomSource;
  readonly nextMsgId: () => bigint;
  readonly fingerprint: bigint;
}

/** State after {@link answerReqPq}: resPQ sent. */
export interface ServerStep1State {
  readonly step: 1;
  readonly ctx: ServerContext;
  readonly nonce: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly pq: Uint8Array;
  readonly p: Uint8Array;
  readonly q: Uint8Array;
}

/** State after {@link answerReqDhParams}: server_DH_params_ok sent. Secret (holds a). */
export interface ServerStep2State {
  readonly step: 2;
  readonly ctx: ServerContext;
  readonly nonce: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly newNonce: Uint8Array;
  readonly tmp: TmpAesKeyIv;
  readonly dhPrime: bigint;
  readonly a: bigint;
  /** retry_id the next client_DH_inner_data must carry (0 first, then the last aux hash). */
  readonly expectedRetryId: bigint;
  /** The DC id of the inner data; `options.dcId ?? 0` for the variants without one. */
  readonly dcId: number;
  readonly expiresIn: number | undefined;
  readonly variant: KeyExchangeVariant;
}

/** A server step's output: the plain message to send back and the next state. */
export interface ServerKeyExchangeStep<S> {
  response: Uint8Array;
  state: S;
}

/** The outcome of {@link answerSetClientDhParams}. */
export type ServerKeyExchangeOutcome =
  | ({ kind: 'done'; response: Uint8Array; variant: KeyExchangeVariant } & AuthKeyResult)
  | { kind: 'retry'; response: Uint8Array; state: ServerStep2State };

/** A random prime in [2^(bits−1), 2^bits). */
function randomPrime(random: RandomSource, bits: number): bigint {
  for (;;) {
    const candidate = randomBigIntBits(random, bits) | (1n << BigInt(bits - 1)) | 1n;
    if (isProbablePrime(candidate, { rounds: 20, random })) return candidate;
  }
}

/**
 * Two distinct primes p < q for resPQ, 30 and 31 bits, so pq < 2^62 fits the
 * 64-bit factorization every client implements.
 */
function generatePqPrimes(random: RandomSource): [bigint, bigint] {
  const p = randomPrime(random, 30);
  const q = randomPrime(random, 31);
  return [p, q];
}

/**
 * Answers `req_pq_multi` (or the older `req_pq`) with `resPQ`: a random
 * server_nonce, pq = p·q, and the fingerprint of the server's key
 * (https://core.telegram.org/mtproto/auth_key#2-server-sends-response-of-the-form).
 */
export function answerReqPq(options: ServerHandshakeOptions, request: Uint8Array): ServerKeyExchangeStep<ServerStep1State> {
  const random = options.random ?? options.crypto.random;
  const { next } = msgIdFunction(options, 'server-response');
  const fingerprint = rsaKeyFingerprint(options.rsaKey, options.crypto);
  const ctx: ServerContext = { options, random, nextMsgId: next, fingerprint };
  const req = readClientRequest(request, ['req_pq_multi', 'req_pq']);
  const serverNonce = randomBytesFrom(random, 16);
  const [p, q] = options.pq?.() ?? generatePqPrimes(random);
  if (!(p < q)) throw new CryptoError('answerReqPq: pq primes must satisfy p < q');
  const pq = bigIntToBytes(p * q);
  const resPQ: mt.resPQ = {
    _: 'resPQ',
    nonce: req.nonce,
    server_nonce: serverNonce,
    pq,
    server_public_key_fingerprints: [fingerprint],
  };
  return {
    response: plainMessage(ctx.nextMsgId(), resPQ),
    state: { step: 1, ctx, nonce: req.nonce, serverNonce, pq, p: bigIntToBytes(p), q: bigIntToBytes(q) },
  };
}

/**
 * Answers `req_DH_params`: checks the nonces, p, q and the fingerprint,
 * decrypts the inner data (RSA_PAD, or the legacy SHA1 padding unless
 * strict; the `_dc` variants, or also the no-dc ones unless strict),
 * draws a and answers `server_DH_params_ok` with `server_DH_inner_data`
 * encrypted under the temporary AES key
 * (https://core.telegram.org/mtproto/auth_key#6-server-responds-with).
 *
 * @throws SecurityError `nonce`, `server_nonce`, `p_q`, `rsa_fingerprint`, `rsa_pad`, `rsa_pad_hash`, `p_q_inner_data`, `dc_id`
 */
export function answerReqDhParams(state: ServerStep1State, request: Uint8Array): ServerKeyExchangeStep<ServerStep2State> {
  const { ctx } = state;
  const { crypto } = ctx.options;
  const req = readClientRequest(request, ['req_DH_params']);
  expectNonce(req.nonce, state.nonce, 'nonce');
  expectNonce(req.server_nonce, state.serverNonce, 'server_nonce');
  if (!bytesEqual(req.p, state.p) || !bytesEqual(req.q, state.q)) {
    throw new SecurityError('p_q', 'p and q do not factorize the pq that was sent');
  }
  if (BigInt.asUintN(64, req.public_key_fingerprint) !== BigInt.asUintN(64, ctx.fingerprint)) {
    throw new SecurityError('rsa_fingerprint', 'req_DH_params names an RSA key the server does not have');
  }

  const { inner, rsaScheme } = decryptPqInnerData(req.encrypted_data, ctx.options.rsaKey, crypto, ctx.options.strict ?? false);
  if (!bytesEqual(inner.pq, state.pq) || !bytesEqual(inner.p, state.p) || !bytesEqual(inner.q, state.q)) {
    throw new SecurityError('p_q', 'p_q_inner_data does not carry the pq, p, q of this exchange');
  }
  expectNonce(inner.nonce, state.nonce, 'nonce');
  expectNonce(inner.server_nonce, state.serverNonce, 'server_nonce');
  const dcId = 'dc' in inner ? inner.dc : (ctx.options.dcId ?? 0);
  if (ctx.options.dcId !== undefined && dcId !== ctx.options.dcId) {
    throw new SecurityError('dc_id', `p_q_inner_data is for DC ${dcId}, this is DC ${ctx.options.dcId}`);
  }
  const expiresIn = 'expires_in' in inner ? inner.expires_in : undefined;
  if (expiresIn !== undefined && !(expiresIn > 0)) throw new SecurityError('expires_in', 'expires_in must be positive');

  const dhPrimeBytes = ctx.options.dhPrime ?? TELEGRAM_DH_PRIME_BYTES;
  const dhPrime = bytesToBigInt(dhPrimeBytes);
  const g = ctx.options.g ?? 3;
  let a = 0n;
  let gA = 0n;
  for (let attempt = 0; ; attempt++) {
    if (attempt === 8) throw new CryptoError('answerReqDhParams: no usable a in 8 draws (broken random source?)');
    a = randomBigIntBits(ctx.random, 2048);
    gA = modExp(BigInt(g), a, dhPrime); // a is secret: constant time
    try {
      checkDhValue(gA, dhPrime, 'g_a');
      break;
    } catch {
      // astronomically rare: draw again
    }
  }
  const answer: mt.server_DH_inner_data = {
    _: 'server_DH_inner_data',
    nonce: state.nonce,
    server_nonce: state.serverNonce,
    g,
    dh_prime: dhPrimeBytes,
    g_a: bigIntToBytes(gA, 256),
    server_time: Math.floor((ctx.options.clock ?? Date.now)() / 1000),
  };
  const tmp = deriveTmpAesKeyIv(inner.new_nonce, state.serverNonce, crypto);
  const answerWithHash = withSha1AndPadding(encode(answer), crypto, ctx.random);
  const ok: mt.server_DH_params_ok = {
    _: 'server_DH_params_ok',
    nonce: state.nonce,
    server_nonce: state.serverNonce,
    encrypted_answer: crypto.igeEncrypt(answerWithHash, tmp.key, tmp.iv),
  };
  return {
    response: plainMessage(ctx.nextMsgId(), ok),
    // new_nonce and the DH exponent a are secrets.
    state: redact(
      {
        step: 2,
        ctx,
        nonce: state.nonce,
        serverNonce: state.serverNonce,
        newNonce: inner.new_nonce,
        tmp,
        dhPrime,
        a,
        expectedRetryId: 0n,
        dcId,
        expiresIn,
        variant: { innerData: inner._, rsaScheme },
      },
      'ServerHandshakeState',
    ),
  };
}

/**
 * Answers `set_client_DH_params`: decrypts and checks `client_DH_inner_data`
 * (hash, nonces, retry_id, g_b range), computes auth_key = g_b^a mod p and
 * answers `dh_gen_ok` with new_nonce_hash1 — or `dh_gen_retry` with
 * new_nonce_hash2 when `acceptAuthKey` refuses the key
 * (https://core.telegram.org/mtproto/auth_key#9-server-responds-in-one-of-three-ways).
 *
 * @throws SecurityError `nonce`, `server_nonce`, `answer_length`, `answer_padding`, `answer_hash`, `retry_id`, `g_b_range`, `g_b_safe_range`
 */
export function answerSetClientDhParams(state: ServerStep2State, request: Uint8Array): ServerKeyExchangeOutcome {
  const { ctx } = state;
  const { crypto } = ctx.options;
  const req = readClientRequest(request, ['set_client_DH_params']);
  expectNonce(req.nonce, state.nonce, 'nonce');
  expectNonce(req.server_nonce, state.serverNonce, 'server_nonce');
  const encrypted = req.encrypted_data;
  if (encrypted.length < 32 || encrypted.length % 16 !== 0) {
    throw new SecurityError('answer_length', `encrypted_data is ${encrypted.length} bytes, not a multiple of 16`);
  }
  const decrypted = crypto.igeDecrypt(encrypted, state.tmp.key, state.tmp.iv);
  const { obj, length } = readObjectPrefix(decrypted, 20, 'answer_hash');
  checkAnswerWithHash(decrypted, length, crypto);
  if (obj._ !== 'client_DH_inner_data') throw new SecurityError('unexpected_request', `expected client_DH_inner_data, got ${obj._}`);
  const inner = obj as mt.client_DH_inner_data;
  expectNonce(inner.nonce, state.nonce, 'nonce');
  expectNonce(inner.server_nonce, state.serverNonce, 'server_nonce');
  if (inner.retry_id !== state.expectedRetryId) {
    throw new SecurityError('retry_id', 'retry_id is not the auth_key_aux_hash of the previous attempt');
  }
  const gB = bytesToBigInt(inner.g_b);
  checkDhValue(gB, state.dhPrime, 'g_b');
  const authKey = bigIntToBytes(modExp(gB, state.a, state.dhPrime), 256);
  const { id, auxHash } = authKeyHashes(authKey, crypto);

  if (ctx.options.acceptAuthKey && !ctx.options.acceptAuthKey(id)) {
    const retry: mt.dh_gen_retry = {
      _: 'dh_gen_retry',
      nonce: state.nonce,
      server_nonce: state.serverNonce,
      new_nonce_hash2: newNonceHash(state.newNonce, 2, auxHash, crypto),
    };
    return {
      kind: 'retry',
      response: plainMessage(ctx.nextMsgId(), retry),
      state: redact({ ...state, expectedRetryId: longFromBytes(auxHash) }, 'ServerHandshakeState'),
    };
  }
  const ok: mt.dh_gen_ok = {
    _: 'dh_gen_ok',
    nonce: state.nonce,
    server_nonce: state.serverNonce,
    new_nonce_hash1: newNonceHash(state.newNonce, 1, auxHash, crypto),
  };
  const result: { kind: 'done'; response: Uint8Array; variant: KeyExchangeVariant } & AuthKeyResult = {
    kind: 'done',
    variant: state.variant,
    response: plainMessage(ctx.nextMsgId(), ok),
    authKey,
    authKeyId: id,
    serverSalt: longFromBytes(initialServerSalt(state.newNonce, state.serverNonce)),
    timeOffset: 0,
    dcId: state.dcId,
  };
  if (state.expiresIn !== undefined) result.expiresIn = state.expiresIn;
  return redact(result, 'AuthKeyResult');
}
