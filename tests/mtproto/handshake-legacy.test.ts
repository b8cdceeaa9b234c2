/**
 * The server's key exchange with the variants Telegram accepts beyond the
 * current spec text: p_q_inner_data without dc (and its _temp form), and the
 * legacy SHA1-padding RSA scheme — each in both modes: accepted by default,
 * refused with `strict: true` (https://core.telegram.org/mtproto/auth_key).
 * No client library among the dependencies sends the legacy scheme, so the
 * requests are built here from the client state of our own requestDhParams.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../ts/crypto/bytes.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { rsaEncryptSha1Padded, rsaPadEncrypt } from '../../ts/crypto/rsa.js';
import { finishKeyExchange, startKeyExchange, requestDhParams, setClientDhParams } from '../../ts/mtproto/handshake/index.js';
import {
  type ServerHandshakeOptions,
  ServerHandshake,
  answerReqPq,
  answerReqDhParams,
  answerSetClientDhParams,
} from '../../ts/mtproto/server-side.js';
import { decodePlainMessage, encodePlainMessage } from '../../ts/mtproto/plain-message.js';
import { decode, decodeRequest, encode } from '../../ts/tl/codec/index.js';
import type { mt } from '../../ts/tl/generated/types.js';
import { getProvider, getServerKey, securityCheckOf, seededRandom } from './_support.js';

let crypto: CryptoProvider;
let server: Awaited<ReturnType<typeof getServerKey>>;
test.before(async () => {
  crypto = await getProvider();
  server = await getServerKey();
});

type Variant = 'p_q_inner_data' | 'p_q_inner_data_dc' | 'p_q_inner_data_temp' | 'p_q_inner_data_temp_dc';
type Scheme = 'rsa_pad' | 'sha1_padding';

/** A whole exchange where the client's req_DH_params carries `variant` encrypted with `scheme`. */
function exchange(variant: Variant, scheme: Scheme, serverOptions: Partial<ServerHandshakeOptions> = {}) {
  const seed = `${variant}-${scheme}`;
  const clock = () => 1_700_000_000_000;
  const c1 = startKeyExchange({ crypto, dcId: 2, rsaKeys: [server.pub], random: seededRandom(`c-${seed}`), clock });
  const srv: ServerHandshakeOptions = { crypto, rsaKey: server.priv, random: seededRandom(`s-${seed}`), clock, ...serverOptions };
  const s1 = answerReqPq(srv, c1.request);
  const c2 = requestDhParams(c1.state, s1.response);
  const ours = decodeRequest(decodePlainMessage(c2.request, { from: 'client' }).body) as mt.req_DH_params;
  const common = {
    pq: (decode(decodePlainMessage(s1.response).body) as mt.resPQ).pq,
    p: ours.p,
    q: ours.q,
    nonce: c2.state.nonce,
    server_nonce: c2.state.serverNonce,
    new_nonce: c2.state.newNonce,
  };
  const inner =
    variant === 'p_q_inner_data'
      ? { _: variant, ...common }
      : variant === 'p_q_inner_data_dc'
        ? { _: variant, ...common, dc: 2 }
        : variant === 'p_q_inner_data_temp'
          ? { _: variant, ...common, expires_in: 3600 }
          : { _: variant, ...common, dc: 2, expires_in: 3600 };
  const data = encode(inner as mt.p_q_inner_data);
  const rnd = seededRandom(`rsa-${seed}`);
  const encrypted =
    scheme === 'rsa_pad' ? rsaPadEncrypt(data, server.pub, crypto, rnd) : rsaEncryptSha1Padded(data, server.pub, crypto, rnd);
  const request = encodePlainMessage(
    decodePlainMessage(c2.request, { from: 'client' }).msgId,
    encode({ ...ours, encrypted_data: encrypted }),
  );
  const s2 = answerReqDhParams(s1.state, request);
  const c3 = setClientDhParams(c2.state, s2.response);
  const s3 = answerSetClientDhParams(s2.state, c3.request);
  if (s3.kind !== 'done') throw new Error('server did not finish');
  const fin = finishKeyExchange(c3.state, s3.response);
  if (fin.kind !== 'done') throw new Error('client did not finish');
  return { client: fin, server: s3, request, s1, srv };
}

for (const scheme of ['rsa_pad', 'sha1_padding'] as const) {
  for (const variant of ['p_q_inner_data', 'p_q_inner_data_dc', 'p_q_inner_data_temp', 'p_q_inner_data_temp_dc'] as const) {
    test(`lenient server: ${variant} encrypted with ${scheme} makes the same key on both sides`, () => {
      const { client, server: s3 } = exchange(variant, scheme, { dcId: 2 });
      assert.is(bytesToHex(client.authKey), bytesToHex(s3.authKey));
      assert.equal(s3.variant, { innerData: variant, rsaScheme: scheme });
      assert.is(s3.dcId, 2, 'the no-dc variants take the DC the exchange runs on');
      assert.is(s3.expiresIn, variant.includes('temp') ? 3600 : undefined);
    });
  }
}

test('lenient server without a dcId option: a no-dc variant reports DC 0', () => {
  const { server: s3 } = exchange('p_q_inner_data', 'sha1_padding');
  assert.is(s3.dcId, 0);
});

test('strict server: RSA_PAD with the _dc variants passes', () => {
  for (const variant of ['p_q_inner_data_dc', 'p_q_inner_data_temp_dc'] as const) {
    const { client, server: s3 } = exchange(variant, 'rsa_pad', { strict: true });
    assert.is(bytesToHex(client.authKey), bytesToHex(s3.authKey));
  }
});

test('strict server: the no-dc variants are refused (p_q_inner_data)', () => {
  for (const variant of ['p_q_inner_data', 'p_q_inner_data_temp'] as const) {
    assert.is(
      securityCheckOf(() => exchange(variant, 'rsa_pad', { strict: true })),
      'p_q_inner_data',
    );
  }
});

test('strict server: the SHA1-padding scheme is refused (rsa_pad_hash)', () => {
  const check = securityCheckOf(() => exchange('p_q_inner_data_dc', 'sha1_padding', { strict: true }));
  assert.ok(check === 'rsa_pad_hash' || check === 'rsa_pad', check);
});

test('lenient server: a tampered SHA1-padded block is refused like a bad RSA_PAD one', () => {
  const { s1, request } = exchange('p_q_inner_data', 'sha1_padding');
  const req = decodeRequest(decodePlainMessage(request, { from: 'client' }).body) as mt.req_DH_params;
  const bad = req.encrypted_data.slice();
  bad[200]! ^= 1;
  const tampered = encodePlainMessage(decodePlainMessage(request, { from: 'client' }).msgId, encode({ ...req, encrypted_data: bad }));
  const check = securityCheckOf(() => answerReqDhParams(s1.state, tampered));
  assert.ok(check === 'rsa_pad_hash' || check === 'rsa_pad', check);
});

test('lenient server: a p_q_inner_data_dc for another DC is still refused (dc_id)', () => {
  assert.is(
    securityCheckOf(() => exchange('p_q_inner_data_dc', 'sha1_padding', { dcId: 3 })),
    'dc_id',
  );
});

test('ServerHandshake reports the variant with the key', () => {
  const clock = () => 1_700_000_000_000;
  const hs = new ServerHandshake({ crypto, rsaKey: server.priv, random: seededRandom('drv-s'), clock });
  const c1 = startKeyExchange({ crypto, dcId: 2, rsaKeys: [server.pub], random: seededRandom('drv-c'), clock });
  const c2 = requestDhParams(c1.state, hs.receive(c1.request).response);
  const c3 = setClientDhParams(c2.state, hs.receive(c2.request).response);
  const out = hs.receive(c3.request);
  assert.ok(out.done);
  assert.equal(out.variant, { innerData: 'p_q_inner_data_dc', rsaScheme: 'rsa_pad' });
});

test.run();
