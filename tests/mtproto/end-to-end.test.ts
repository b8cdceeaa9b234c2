/**
 * The whole layer in memory: a key exchange between the client and server
 * drivers, then an encrypted session on the new key — the path the network
 * layer and the test server will follow.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { decodeRequest, encode } from '../../ts/tl/codec/index.js';
import { ClientHandshake, MtprotoSession, type AuthKeyResult } from '../../ts/mtproto/index.js';
import { encodeRpcResult, openClientPacket, ServerHandshake, ServerSession } from '../../ts/mtproto/server-side.js';
import { getProvider, getServerKey, seededRandom } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

test('handshake then session: a query answered over the new key, salt from the exchange, initConnection first', async () => {
  const { priv, pub } = await getServerKey();
  const now = 1_700_000_000_000;
  const client = new ClientHandshake({ crypto, dcId: 2, rsaKeys: [pub], random: seededRandom('e2e-c'), clock: () => now });
  const server = new ServerHandshake({ crypto, rsaKey: priv, dcId: 2, random: seededRandom('e2e-s'), clock: () => now });
  let msg = client.start();
  let clientKey: AuthKeyResult | undefined;
  let serverKey: AuthKeyResult | undefined;
  while (!clientKey) {
    const s = server.receive(msg);
    serverKey ??= s.done;
    const c = client.receive(s.response);
    if (c.done) clientKey = c.done;
    else msg = c.request;
  }
  assert.ok(serverKey);

  const session = new MtprotoSession({
    crypto,
    authKey: clientKey.authKey,
    serverSalt: clientKey.serverSalt,
    timeOffset: clientKey.timeOffset,
    ping: false,
    initConnection: {
      api_id: 1,
      device_model: 'd',
      system_version: 's',
      app_version: 'a',
      system_lang_code: 'en',
      lang_pack: '',
      lang_code: 'en',
    },
  });
  const { promise } = session.send({ _: 'help.getNearestDc' });
  const serverKeyHandle = crypto.loadAuthKey(serverKey!.authKey);
  const [packet] = session.flush(now);
  const opened = openClientPacket(serverKeyHandle, packet!);
  assert.is(opened.header.salt, serverKey!.serverSalt);
  const query = decodeRequest(opened.messages[0]!.body) as { _: string; query: { _: string; query: { _: string } } };
  assert.is(query._, 'invokeWithLayer');
  assert.is(query.query.query._, 'help.getNearestDc');

  const srv = new ServerSession({ crypto, authKey: serverKeyHandle, sessionId: opened.header.sessionId });
  const answer = { _: 'nearestDc', country: 'DE', this_dc: 2, nearest_dc: 2 } as const;
  const reply = srv.seal([{ body: encodeRpcResult(opened.messages[0]!.msgId, encode(answer)), contentRelated: true, response: true }], now);
  assert.equal(session.receive(reply.packet, now), []);
  assert.equal(await promise, answer);
  session.close();
});

test.run();
