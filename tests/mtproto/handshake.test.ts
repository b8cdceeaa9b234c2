/**
 * The auth key exchange: client ↔ server in memory (permanent and temporary
 * keys, dh_gen_retry), and one test per client-side check, each expecting a
 * SecurityError with its own `check` name
 * (https://core.telegram.org/mtproto/auth_key, https://core.telegram.org/mtproto/security_guidelines).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bigIntToBytes } from '../../ts/crypto/bigint.js';
import { bytesToHex } from '../../ts/crypto/bytes.js';
import { TELEGRAM_DH_PRIME_BYTES } from '../../ts/crypto/dh.js';
import { authKeyHashes, deriveTmpAesKeyIv, newNonceHash, withSha1AndPadding } from '../../ts/crypto/handshake-kdf.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { telegramRsaPublicKeys } from '../../ts/crypto/rsa-keys.js';
import { encode } from '../../ts/tl/codec/index.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';
import {
  ClientHandshake,
  finishKeyExchange,
  startKeyExchange,
  requestDhParams,
  setClientDhParams,
  type ClientStep2State,
  type ClientStep3State,
} from '../../ts/mtproto/handshake/index.js';
import { answerReqPq, answerReqDhParams, answerSetClientDhParams, ServerHandshake } from '../../ts/mtproto/server-side.js';
import { encodePlainMessage, decodePlainMessage } from '../../ts/mtproto/plain-message.js';
import * as S from './_sample.js';
import { getProvider, getServerKey, isSecurity, replayRandom, securityCheckOf, seededRandom, sequence } from './_support.js';

const { SAMPLE } = S;
let crypto: CryptoProvider;
let server: Awaited<ReturnType<typeof getServerKey>>;
test.before(async () => {
  crypto = await getProvider();
  server = await getServerKey();
});

const hex = (b: Uint8Array) => bytesToHex(b);
const SERVER_MSG_ID = 0x65abc0fd00000001n;
const serverMsg = (obj: AnyTlObject, msgId = SERVER_MSG_ID) => encodePlainMessage(msgId, encode(obj));

// ---------------------------------------------------------------- end to end

function runExchange(opts: { expiresIn?: number; acceptAuthKey?: (id: Uint8Array) => boolean; seed: string }) {
  const clock = () => 1_700_000_000_000;
  const client = {
    crypto,
    dcId: 10002,
    rsaKeys: [server.pub],
    random: seededRandom(`client-${opts.seed}`),
    clock: () => clock() - 5000, // client clock 5 s behind the server
    ...(opts.expiresIn !== undefined ? { expiresIn: opts.expiresIn } : {}),
  };
  const srv = {
    crypto,
    rsaKey: server.priv,
    dcId: 10002,
    random: seededRandom(`server-${opts.seed}`),
    clock,
    ...(opts.acceptAuthKey ? { acceptAuthKey: opts.acceptAuthKey } : {}),
  };
  const c1 = startKeyExchange(client);
  const s1 = answerReqPq(srv, c1.request);
  const c2 = requestDhParams(c1.state, s1.response);
  const s2 = answerReqDhParams(s1.state, c2.request);
  const c3 = setClientDhParams(c2.state, s2.response);
  let s3 = answerSetClientDhParams(s2.state, c3.request);
  let fin = finishKeyExchange(c3.state, s3.response);
  let retries = 0;
  while (fin.kind === 'retry') {
    if (s3.kind !== 'retry') throw new Error('client retried but the server did not');
    retries++;
    s3 = answerSetClientDhParams(s3.state, fin.request);
    fin = finishKeyExchange(fin.state, s3.response);
  }
  if (s3.kind !== 'done') throw new Error('server did not finish');
  return { client: fin, server: s3, retries };
}

test('auth_key exchange: client and server agree on a permanent key (p_q_inner_data_dc)', () => {
  const { client, server: srv } = runExchange({ seed: 'perm' });
  assert.is(hex(client.authKey), hex(srv.authKey));
  assert.is(client.authKey.length, 256);
  assert.is(hex(client.authKeyId), hex(srv.authKeyId));
  assert.is(client.serverSalt, srv.serverSalt);
  assert.is(client.dcId, 10002);
  assert.is(srv.dcId, 10002);
  assert.is(client.expiresIn, undefined);
  assert.is(srv.expiresIn, undefined);
  assert.ok(Math.abs(client.timeOffset - 5) < 1, `time offset ${client.timeOffset}`);
});

test('auth_key exchange: temporary key with p_q_inner_data_temp_dc carries expires_in', () => {
  const { client, server: srv } = runExchange({ seed: 'temp', expiresIn: 86400 });
  assert.is(hex(client.authKey), hex(srv.authKey));
  assert.is(client.expiresIn, 86400);
  assert.is(srv.expiresIn, 86400);
});

test('auth_key exchange: dh_gen_retry → new b with retry_id = auth_key_aux_hash, then dh_gen_ok', () => {
  let calls = 0;
  const { client, server: srv, retries } = runExchange({ seed: 'retry', acceptAuthKey: () => ++calls > 2 });
  assert.is(retries, 2);
  assert.is(hex(client.authKey), hex(srv.authKey));
});

test('auth_key exchange: dh_gen_retry is bounded (dh_gen_retry_limit)', () => {
  assert.throws(() => runExchange({ seed: 'retry-forever', acceptAuthKey: () => false }), isSecurity('dh_gen_retry_limit'));
});

test('auth_key exchange: the ClientHandshake / ServerHandshake drivers', () => {
  const hs = new ClientHandshake({ crypto, dcId: 1, rsaKeys: [server.pub], random: seededRandom('drv-c') });
  const srv = new ServerHandshake({ crypto, rsaKey: server.priv, random: seededRandom('drv-s') });
  let msg = hs.start();
  for (let i = 0; i < 10; i++) {
    const s = srv.receive(msg);
    const c = hs.receive(s.response);
    if (c.done) {
      assert.ok(s.done);
      assert.is(hex(c.done.authKey), hex(s.done!.authKey));
      assert.throws(() => hs.receive(s.response), isSecurity('unexpected_answer'));
      return;
    }
    msg = c.request;
  }
  assert.unreachable('exchange did not finish');
});

test('auth_key exchange: server answers req_pq_multi with a pq its client can factorize', () => {
  const c1 = startKeyExchange({ crypto, dcId: 2, random: seededRandom('pq') });
  const s1 = answerReqPq({ crypto, rsaKey: server.priv, random: seededRandom('pq-s') }, c1.request);
  const [p, q] = crypto.factorizePQ(BigInt(`0x${hex(s1.state.pq)}`));
  assert.is(hex(bigIntToBytes(p)), hex(s1.state.p));
  assert.is(hex(bigIntToBytes(q)), hex(s1.state.q));
});

// ------------------------------------------------------- plain message rules

test('unencrypted message: auth_key_id must be 0 (plain_auth_key_id)', () => {
  const bad = S.RES_PQ.slice();
  bad[0] = 1;
  assert.is(
    securityCheckOf(() => decodePlainMessage(bad)),
    'plain_auth_key_id',
  );
});

test('unencrypted message: message_length must match the body (plain_length)', () => {
  const bad = S.RES_PQ.slice();
  bad[16] = 0xb8; // the page's printed value
  assert.is(
    securityCheckOf(() => decodePlainMessage(bad)),
    'plain_length',
  );
  assert.is(
    securityCheckOf(() => decodePlainMessage(new Uint8Array(12))),
    'plain_length',
  );
});

test('unencrypted message: a server msg_id must be odd, a client one divisible by 4 (msg_id_parity)', () => {
  assert.is(
    securityCheckOf(() => decodePlainMessage(S.REQ_PQ_MULTI)),
    'msg_id_parity',
  );
  assert.is(
    securityCheckOf(() => decodePlainMessage(S.RES_PQ, { from: 'client' })),
    'msg_id_parity',
  );
  assert.is(decodePlainMessage(S.REQ_PQ_MULTI, { from: 'client' }).msgId, S.MSG_IDS.reqPqMulti);
});

// ------------------------------------------------------------ step 2 checks

function sampleStep1(extra: Record<string, unknown> = {}) {
  return startKeyExchange({
    crypto,
    dcId: 2,
    random: replayRandom(
      SAMPLE.nonce,
      SAMPLE.newNonce,
      S.RSA_PAD_RANDOM_PADDING,
      new Uint8Array(32).fill(0x11),
      SAMPLE.b,
      SAMPLE.clientPadding,
    ),
    clock: () => (S.SERVER_TIME - 1) * 1000,
    nextMsgId: sequence(4n, 8n, 12n, 16n, 20n),
    ...extra,
  }).state;
}

const resPQ = (fields: Record<string, unknown> = {}) =>
  serverMsg({
    _: 'resPQ',
    nonce: SAMPLE.nonce,
    server_nonce: SAMPLE.serverNonce,
    pq: new Uint8Array([0x14, 0x60, 0xe7, 0xd3, 0xfa, 0x72, 0x77, 0x91]),
    server_public_key_fingerprints: [0xd09d1d85de64fd85n],
    ...fields,
  } as AnyTlObject);

test('step 2: resPQ.nonce must equal the nonce sent (nonce)', () => {
  const nonce = SAMPLE.nonce.slice();
  nonce[0]! ^= 1;
  assert.is(
    securityCheckOf(() => requestDhParams(sampleStep1(), resPQ({ nonce }))),
    'nonce',
  );
});

test('step 2: an answer other than resPQ is refused (unexpected_answer)', () => {
  const other = serverMsg({ _: 'dh_gen_ok', nonce: SAMPLE.nonce, server_nonce: SAMPLE.serverNonce, new_nonce_hash1: new Uint8Array(16) });
  assert.is(
    securityCheckOf(() => requestDhParams(sampleStep1(), other)),
    'unexpected_answer',
  );
});

test('step 2: no known RSA fingerprint in resPQ (rsa_fingerprint)', () => {
  assert.is(
    securityCheckOf(() => requestDhParams(sampleStep1(), resPQ({ server_public_key_fingerprints: [1n, 2n] }))),
    'rsa_fingerprint',
  );
});

test('step 2: pq longer than 64 bits (pq)', () => {
  assert.is(
    securityCheckOf(() => requestDhParams(sampleStep1(), resPQ({ pq: new Uint8Array(9).fill(1) }))),
    'pq',
  );
});

test('step 2: pq that is not a product of two primes (pq_factorization)', () => {
  // 2^61 - 1 is prime.
  const prime = bigIntToBytes((1n << 61n) - 1n);
  assert.is(
    securityCheckOf(() => requestDhParams(sampleStep1(), resPQ({ pq: prime }))),
    'pq_factorization',
  );
});

test('step 2: a temporary key request uses p_q_inner_data_temp_dc', () => {
  // Server side decodes what the client encrypted: use our own server key.
  const c1 = startKeyExchange({ crypto, dcId: 4, expiresIn: 3600, rsaKeys: [server.pub], random: seededRandom('temp-inner') });
  const s1 = answerReqPq({ crypto, rsaKey: server.priv, dcId: 4, random: seededRandom('temp-inner-s') }, c1.request);
  const c2 = requestDhParams(c1.state, s1.response);
  const s2 = answerReqDhParams(s1.state, c2.request);
  assert.is(s2.state.expiresIn, 3600);
  assert.is(s2.state.dcId, 4);
});

// ------------------------------------------------------------ step 3 checks

function sampleStep2(): ClientStep2State {
  return requestDhParams(sampleStep1(), S.RES_PQ).state;
}

/** server_DH_params_ok around `inner` (any object), encrypted with the sample's tmp key. */
function dhParamsOk(inner: Uint8Array, fields: Record<string, unknown> = {}, padding = (b: Uint8Array) => b) {
  const tmp = deriveTmpAesKeyIv(SAMPLE.newNonce, SAMPLE.serverNonce, crypto);
  const withHash = padding(withSha1AndPadding(inner, crypto, (out) => out.fill(7)));
  return serverMsg({
    _: 'server_DH_params_ok',
    nonce: SAMPLE.nonce,
    server_nonce: SAMPLE.serverNonce,
    encrypted_answer: crypto.igeEncrypt(withHash, tmp.key, tmp.iv),
    ...fields,
  } as AnyTlObject);
}

const sampleGA = SAMPLE.answerWithHash.subarray(20 + 4 + 32 + 4 + 260 + 4, 20 + 4 + 32 + 4 + 260 + 4 + 256);
const serverInner = (fields: Record<string, unknown> = {}) =>
  encode({
    _: 'server_DH_inner_data',
    nonce: SAMPLE.nonce,
    server_nonce: SAMPLE.serverNonce,
    g: 3,
    dh_prime: TELEGRAM_DH_PRIME_BYTES,
    g_a: sampleGA,
    server_time: S.SERVER_TIME,
    ...fields,
  } as AnyTlObject);

test('step 3: the crafted helper reproduces the sample answer (sanity)', () => {
  const s3 = setClientDhParams(sampleStep2(), dhParamsOk(serverInner()));
  assert.is(hex(s3.state.authKey), hex(SAMPLE.authKey));
});

test('step 3: server_DH_params_ok.nonce / server_nonce must match (nonce, server_nonce)', () => {
  const other = new Uint8Array(16).fill(9);
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner(), { nonce: other }))),
    'nonce',
  );
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner(), { server_nonce: other }))),
    'server_nonce',
  );
});

test('step 3: server_DH_inner_data nonces must match too (nonce, server_nonce)', () => {
  const other = new Uint8Array(16).fill(9);
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ nonce: other })))),
    'nonce',
  );
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ server_nonce: other })))),
    'server_nonce',
  );
});

test('step 3: encrypted_answer not a multiple of 16 bytes (answer_length)', () => {
  const msg = serverMsg({
    _: 'server_DH_params_ok',
    nonce: SAMPLE.nonce,
    server_nonce: SAMPLE.serverNonce,
    encrypted_answer: new Uint8Array(600),
  });
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), msg)),
    'answer_length',
  );
});

test('step 3: SHA1(answer) must head answer_with_hash (answer_hash)', () => {
  const tampered = S.SERVER_DH_PARAMS_OK.slice();
  tampered[tampered.length - 40]! ^= 1; // flips bits in the last blocks: the hash no longer matches
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), tampered)),
    'answer_hash',
  );
  const garbage = S.SERVER_DH_PARAMS_OK.slice();
  garbage[80]! ^= 1; // corrupts the start: not even a TL object
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), garbage)),
    'answer_hash',
  );
});

test('step 3: more than 15 padding bytes after the answer (answer_padding)', () => {
  const msg = dhParamsOk(serverInner(), {}, (b) => {
    const out = new Uint8Array(b.length + 16);
    out.set(b);
    return out;
  });
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), msg)),
    'answer_padding',
  );
});

test('step 3: g must be 2..7 (dh_g)', () => {
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ g: 9 })))),
    'dh_g',
  );
});

test('step 3: dh_prime must be a 2048-bit number (dh_prime_size)', () => {
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ dh_prime: new Uint8Array(128).fill(0xff) })))),
    'dh_prime_size',
  );
});

test('step 3: g must be a quadratic residue mod dh_prime (dh_g_subgroup)', () => {
  // Telegram's prime is 7 mod 8? g = 2 needs p mod 8 = 7; g = 5 needs p mod 5 ∈ {1, 4}: one of them fails.
  const p = BigInt(`0x${hex(TELEGRAM_DH_PRIME_BYTES)}`);
  const g = p % 5n === 1n || p % 5n === 4n ? 7 : 5;
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ g })))),
    'dh_g_subgroup',
  );
});

test('step 3: dh_prime must be a safe prime (dh_prime_prime)', () => {
  // 2^2048 - 1 minus a bit: composite, > 2^2047, and ≡ 2 mod 3 for g = 3.
  let n = (1n << 2048n) - 3n;
  while (n % 3n !== 2n) n -= 2n;
  const check = securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ dh_prime: bigIntToBytes(n, 256) }))));
  assert.ok(check === 'dh_prime_prime' || check === 'dh_prime_safe', check);
});

test('step 3: 1 < g_a < dh_prime − 1 (g_a_range)', () => {
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ g_a: new Uint8Array([1]) })))),
    'g_a_range',
  );
});

test('step 3: 2^1984 ≤ g_a ≤ dh_prime − 2^1984 (g_a_safe_range)', () => {
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), dhParamsOk(serverInner({ g_a: bigIntToBytes(1n << 1000n) })))),
    'g_a_safe_range',
  );
});

test('step 3: a verified server_DH_params_fail ends the exchange (server_dh_params_fail)', () => {
  const hash = crypto.sha1(SAMPLE.newNonce).subarray(4, 20);
  const fail = (h: Uint8Array) =>
    serverMsg({ _: 'server_DH_params_fail', nonce: SAMPLE.nonce, server_nonce: SAMPLE.serverNonce, new_nonce_hash: h });
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), fail(hash))),
    'server_dh_params_fail',
  );
  assert.is(
    securityCheckOf(() => setClientDhParams(sampleStep2(), fail(new Uint8Array(16)))),
    'new_nonce_hash',
  );
});

test('step 3: the server time sets the time offset', () => {
  const s3 = setClientDhParams(sampleStep2(), S.SERVER_DH_PARAMS_OK);
  assert.is(s3.state.timeOffset, 1);
});

// ------------------------------------------------------------ finish checks

function sampleStep3(): ClientStep3State {
  return setClientDhParams(sampleStep2(), S.SERVER_DH_PARAMS_OK).state;
}
const aux = () => authKeyHashes(SAMPLE.authKey, crypto).auxHash;
const genAnswer = (name: 'dh_gen_ok' | 'dh_gen_retry' | 'dh_gen_fail', hash: Uint8Array, fields: Record<string, unknown> = {}) =>
  serverMsg({
    _: name,
    nonce: SAMPLE.nonce,
    server_nonce: SAMPLE.serverNonce,
    [name === 'dh_gen_ok' ? 'new_nonce_hash1' : name === 'dh_gen_retry' ? 'new_nonce_hash2' : 'new_nonce_hash3']: hash,
    ...fields,
  } as unknown as AnyTlObject);

test('finish: dh_gen_ok nonces must match (nonce, server_nonce)', () => {
  const h1 = newNonceHash(SAMPLE.newNonce, 1, aux(), crypto);
  assert.is(
    securityCheckOf(() => finishKeyExchange(sampleStep3(), genAnswer('dh_gen_ok', h1, { nonce: new Uint8Array(16) }))),
    'nonce',
  );
  assert.is(
    securityCheckOf(() => finishKeyExchange(sampleStep3(), genAnswer('dh_gen_ok', h1, { server_nonce: new Uint8Array(16) }))),
    'server_nonce',
  );
});

test('finish: dh_gen_ok must carry new_nonce_hash1 (new_nonce_hash1)', () => {
  const h2 = newNonceHash(SAMPLE.newNonce, 2, aux(), crypto); // the retry hash in an ok answer
  assert.is(
    securityCheckOf(() => finishKeyExchange(sampleStep3(), genAnswer('dh_gen_ok', h2))),
    'new_nonce_hash1',
  );
});

test('finish: dh_gen_retry must carry new_nonce_hash2 (new_nonce_hash2)', () => {
  const h1 = newNonceHash(SAMPLE.newNonce, 1, aux(), crypto);
  assert.is(
    securityCheckOf(() => finishKeyExchange(sampleStep3(), genAnswer('dh_gen_retry', h1))),
    'new_nonce_hash2',
  );
});

test('finish: a verified dh_gen_fail ends the exchange (dh_gen_fail), a forged one is refused (new_nonce_hash3)', () => {
  const h3 = newNonceHash(SAMPLE.newNonce, 3, aux(), crypto);
  assert.is(
    securityCheckOf(() => finishKeyExchange(sampleStep3(), genAnswer('dh_gen_fail', h3))),
    'dh_gen_fail',
  );
  assert.is(
    securityCheckOf(() => finishKeyExchange(sampleStep3(), genAnswer('dh_gen_fail', new Uint8Array(16)))),
    'new_nonce_hash3',
  );
});

test('finish: a verified dh_gen_retry sends set_client_DH_params with retry_id = auth_key_aux_hash', () => {
  const state = setClientDhParams(
    requestDhParams(
      startKeyExchange({
        crypto,
        dcId: 2,
        random: replayRandom(
          SAMPLE.nonce,
          SAMPLE.newNonce,
          S.RSA_PAD_RANDOM_PADDING,
          new Uint8Array(32).fill(0x11),
          SAMPLE.b,
          SAMPLE.clientPadding,
          new Uint8Array(256).fill(0x42),
          new Uint8Array(12),
        ),
        clock: () => 0,
        nextMsgId: sequence(4n, 8n, 12n, 16n),
      }).state,
      S.RES_PQ,
    ).state,
    S.SERVER_DH_PARAMS_OK,
  ).state;
  const h2 = newNonceHash(SAMPLE.newNonce, 2, aux(), crypto);
  const r = finishKeyExchange(state, genAnswer('dh_gen_retry', h2));
  if (r.kind !== 'retry') throw new Error('expected retry');
  assert.is(r.state.attempts, 2);
  assert.is.not(hex(r.state.authKey), hex(SAMPLE.authKey));
  // Decrypt what was sent and read retry_id (offset 20 + 4 + 32 of client_DH_inner_data).
  const body = decodePlainMessage(r.request, { from: 'client' }).body;
  const encrypted = body.subarray(4 + 32 + 4);
  const tmp = deriveTmpAesKeyIv(SAMPLE.newNonce, SAMPLE.serverNonce, crypto);
  const plain = crypto.igeDecrypt(encrypted, tmp.key, tmp.iv);
  assert.is(hex(plain.subarray(20 + 36, 20 + 44)), hex(aux()));
});

// ------------------------------------------------------------ server checks

function serverAt2() {
  const c1 = startKeyExchange({ crypto, dcId: 2, rsaKeys: [server.pub], random: seededRandom('srv-neg') });
  const s1 = answerReqPq({ crypto, rsaKey: server.priv, dcId: 2, random: seededRandom('srv-neg-s') }, c1.request);
  const c2 = requestDhParams(c1.state, s1.response);
  return { c1, s1, c2 };
}
const clientMsg = (obj: Record<string, unknown>) => encodePlainMessage(8n, encode(obj as unknown as AnyTlObject));

test('server: req_DH_params with an unknown fingerprint (rsa_fingerprint), wrong p/q (p_q), wrong nonce (nonce)', () => {
  const { s1 } = serverAt2();
  const base = {
    _: 'req_DH_params',
    nonce: s1.state.nonce,
    server_nonce: s1.state.serverNonce,
    p: s1.state.p,
    q: s1.state.q,
    public_key_fingerprint: 5n,
    encrypted_data: new Uint8Array(256),
  };
  assert.is(
    securityCheckOf(() => answerReqDhParams(s1.state, clientMsg(base))),
    'rsa_fingerprint',
  );
  assert.is(
    securityCheckOf(() => answerReqDhParams(s1.state, clientMsg({ ...base, p: s1.state.q }))),
    'p_q',
  );
  assert.is(
    securityCheckOf(() => answerReqDhParams(s1.state, clientMsg({ ...base, nonce: new Uint8Array(16) }))),
    'nonce',
  );
});

test('server: tampered RSA_PAD data (rsa_pad_hash) and a p_q_inner_data for another DC (dc_id)', () => {
  const { s1, c2 } = serverAt2();
  const tampered = c2.request.slice();
  tampered[tampered.length - 1]! ^= 1;
  const check = securityCheckOf(() => answerReqDhParams(s1.state, tampered));
  assert.ok(check === 'rsa_pad_hash' || check === 'rsa_pad', check);
  const c1b = startKeyExchange({ crypto, dcId: 3, rsaKeys: [server.pub], random: seededRandom('srv-dc') });
  const s1b = answerReqPq({ crypto, rsaKey: server.priv, dcId: 2, random: seededRandom('srv-dc-s') }, c1b.request);
  const c2b = requestDhParams(c1b.state, s1b.response);
  assert.is(
    securityCheckOf(() => answerReqDhParams(s1b.state, c2b.request)),
    'dc_id',
  );
});

test('server: set_client_DH_params with a bad hash (answer_hash) or g_b out of range (g_b_range)', () => {
  const { s1, c2 } = serverAt2();
  const s2 = answerReqDhParams(s1.state, c2.request);
  const c3 = setClientDhParams(c2.state, s2.response);
  const tampered = c3.request.slice();
  tampered[tampered.length - 1]! ^= 1;
  assert.is(
    securityCheckOf(() => answerSetClientDhParams(s2.state, tampered)),
    'answer_hash',
  );

  const inner = encode({
    _: 'client_DH_inner_data',
    nonce: s1.state.nonce,
    server_nonce: s1.state.serverNonce,
    retry_id: 0n,
    g_b: new Uint8Array([1]),
  } as AnyTlObject);
  const enc = crypto.igeEncrypt(
    withSha1AndPadding(inner, crypto, (o) => o.fill(0)),
    s2.state.tmp.key,
    s2.state.tmp.iv,
  );
  const msg = clientMsg({ _: 'set_client_DH_params', nonce: s1.state.nonce, server_nonce: s1.state.serverNonce, encrypted_data: enc });
  assert.is(
    securityCheckOf(() => answerSetClientDhParams(s2.state, msg)),
    'g_b_range',
  );
  const badRetry = encode({
    _: 'client_DH_inner_data',
    nonce: s1.state.nonce,
    server_nonce: s1.state.serverNonce,
    retry_id: 5n,
    g_b: c3.state.authKey,
  } as AnyTlObject);
  const enc2 = crypto.igeEncrypt(
    withSha1AndPadding(badRetry, crypto, (o) => o.fill(0)),
    s2.state.tmp.key,
    s2.state.tmp.iv,
  );
  const msg2 = clientMsg({ _: 'set_client_DH_params', nonce: s1.state.nonce, server_nonce: s1.state.serverNonce, encrypted_data: enc2 });
  assert.is(
    securityCheckOf(() => answerSetClientDhParams(s2.state, msg2)),
    'retry_id',
  );
});

test('server: a client request of the wrong kind is refused (unexpected_request)', () => {
  const { s1 } = serverAt2();
  assert.is(
    securityCheckOf(() => answerReqDhParams(s1.state, clientMsg({ _: 'req_pq_multi', nonce: new Uint8Array(16) }))),
    'unexpected_request',
  );
});

test('server: the sample key verifies against the production fingerprint list', () => {
  assert.ok(telegramRsaPublicKeys().some((k) => k.fingerprint === 0xd09d1d85de64fd85n));
});

test.run();
