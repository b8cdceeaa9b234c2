/**
 * The client handshake replayed against https://core.telegram.org/mtproto/samples-auth_key:
 * the page's server answers go in, the page's randomness is injected, and
 * every request byte and the final auth key must equal the page's.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex, concatBytes } from '../../ts/crypto/bytes.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { telegramRsaPublicKeys } from '../../ts/crypto/rsa-keys.js';
import { rsaPadEncrypt } from '../../ts/crypto/rsa.js';
import { encode } from '../../ts/tl/codec/index.js';
import { finishKeyExchange, requestDhParams, setClientDhParams, startKeyExchange } from '../../ts/mtproto/handshake/index.js';
import * as S from './_sample.js';
import { getProvider, replayRandom, sequence } from './_support.js';

const { SAMPLE } = S;
let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const hex = (b: Uint8Array) => bytesToHex(b).toUpperCase();
/** Our temp_key for RSA_PAD (the page does not publish its own); chosen so key_aes_encrypted < n on the first draw. */
const TEMP_KEY = new Uint8Array(32).fill(0x11);
/** The clock when server_DH_params_ok arrives: one second before the server's time. */
const LOCAL_NOW = (S.SERVER_TIME - 1) * 1000;

function sampleOptions() {
  return {
    crypto,
    dcId: 2,
    rsaKeys: telegramRsaPublicKeys(),
    random: replayRandom(SAMPLE.nonce, SAMPLE.newNonce, S.RSA_PAD_RANDOM_PADDING, TEMP_KEY, SAMPLE.b, SAMPLE.clientPadding),
    clock: () => LOCAL_NOW,
    nextMsgId: sequence(S.MSG_IDS.reqPqMulti, S.MSG_IDS.reqDhParams, S.MSG_IDS.setClientDhParams),
  };
}

test('samples-auth_key: step 1 req_pq_multi equals the page byte for byte', () => {
  const { request } = startKeyExchange(sampleOptions());
  assert.is(hex(request), hex(S.REQ_PQ_MULTI));
});

test('samples-auth_key: step 4 p_q_inner_data_dc equals the page (data and random_padding_bytes go into RSA_PAD)', () => {
  const inner = encode({
    _: 'p_q_inner_data_dc',
    pq: new Uint8Array([0x14, 0x60, 0xe7, 0xd3, 0xfa, 0x72, 0x77, 0x91]),
    p: new Uint8Array([0x3c, 0x23, 0x57, 0xcf]),
    q: new Uint8Array([0x56, 0xbf, 0xb2, 0x9f]),
    nonce: SAMPLE.nonce,
    server_nonce: SAMPLE.serverNonce,
    new_nonce: SAMPLE.newNonce,
    dc: 2,
  });
  assert.is(hex(inner), hex(SAMPLE.pqInnerData));
});

test('samples-auth_key: the whole exchange reproduces every request and the auth key', () => {
  const options = sampleOptions();
  const s1 = startKeyExchange(options);
  assert.is(hex(s1.request), hex(S.REQ_PQ_MULTI));

  const s2 = requestDhParams(s1.state, S.RES_PQ);
  // encrypted_data = RSA_PAD(page's data, production key) with the page's padding and our temp_key.
  const key = telegramRsaPublicKeys()[0]!;
  const expectedEncrypted = rsaPadEncrypt(SAMPLE.pqInnerData, key, crypto, replayRandom(S.RSA_PAD_RANDOM_PADDING, TEMP_KEY));
  assert.is(hex(s2.request), hex(S.reqDhParams(expectedEncrypted)));
  // Everything around encrypted_data is also the page's dump with its own encrypted_data spliced in.
  const pageDump = S.reqDhParams(S.RSA_PAD_ENCRYPTED_DATA);
  const off = S.REQ_DH_PARAMS_ENCRYPTED_OFFSET;
  assert.is(hex(concatBytes(s2.request.subarray(0, off), S.RSA_PAD_ENCRYPTED_DATA)), hex(pageDump));

  const s3 = setClientDhParams(s2.state, S.SERVER_DH_PARAMS_OK);
  assert.is(hex(s3.request), hex(S.SET_CLIENT_DH_PARAMS));
  assert.is(hex(s3.state.authKey), hex(SAMPLE.authKey));

  const done = finishKeyExchange(s3.state, S.DH_GEN_OK);
  if (done.kind !== 'done') throw new Error('expected dh_gen_ok to finish the exchange');
  assert.is(hex(done.authKey), hex(SAMPLE.authKey));
  assert.is(hex(done.authKeyId), hex(crypto.sha1(SAMPLE.authKey).subarray(12, 20)));
  // server_salt = substr(new_nonce, 0, 8) XOR substr(server_nonce, 0, 8), as a little-endian long.
  const salt = new Uint8Array(8);
  for (let i = 0; i < 8; i++) salt[i] = SAMPLE.newNonce[i]! ^ SAMPLE.serverNonce[i]!;
  assert.is(done.serverSalt, new DataView(salt.buffer).getBigInt64(0, true));
  assert.is(done.timeOffset, 1);
  assert.is(done.dcId, 2);
  assert.is(done.expiresIn, undefined);
});

test.run();
