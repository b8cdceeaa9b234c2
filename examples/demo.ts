/**
 * The main job (`npm start`): starts wasmgram's own MTProto test server on
 * loopback, connects a client over TCP, runs the auth key exchange, signs in
 * as a test user (following a PHONE_MIGRATE to the user's DC) and prints who
 * it is, with the time each step took. No network beyond 127.0.0.1.
 */
import { createCryptoProvider } from '../ts/crypto/index.js';
import { RpcError } from '../ts/errors.js';
import { Connection } from '../ts/network/index.js';
import { TestServer } from '../ts/testing/index.js';
import { createNodeTcpFactory } from '../ts/transport/node.js';

const t0 = performance.now();
let last = t0;
function step(label: string, detail = ''): void {
  const now = performance.now();
  console.log(`${label.padEnd(34)} ${(now - last).toFixed(1).padStart(7)} ms  ${detail}`);
  last = now;
}

const crypto = await createCryptoProvider();
step('crypto engine ready', crypto.engine);

const server = await TestServer.start({ dcs: [1, 2, 3], crypto });
step('test server started', server.dcs.map((d) => `DC${d.id} tcp:${d.port} ws:${d.wsPort}`).join(', '));

const initConnection = {
  api_id: 1,
  device_model: 'wasmgram demo',
  system_version: `${process.platform} ${process.arch}`,
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};
const sockets = createNodeTcpFactory();
const open = (dcId: number) => {
  const dc = server.dcs.find((d) => d.id === dcId)!;
  return new Connection({
    crypto,
    sockets,
    dcId,
    host: dc.host,
    port: dc.port,
    codec: 'intermediate',
    rsaKeys: [server.rsaPublicKey],
    initConnection,
  });
};

// The phone number decides the home DC under the test conventions: 99966XYYYY lives on DC X, code = X five times.
const phone = '9996631234';
let conn = open(2);
await conn.connect();
step('DC2: TCP + auth key exchange', `auth_key_id ${Buffer.from(crypto.loadAuthKey(conn.authKey!.key).id).toString('hex')}`);

const config = await conn.invoke({ _: 'help.getConfig' });
step('DC2: help.getConfig', `this_dc=${config.this_dc}, ${config.dc_options.length} dc options, layer wrapper sent`);

let sent;
try {
  sent = await conn.invoke({ _: 'auth.sendCode', phone_number: phone, api_id: 1, api_hash: 'demo', settings: { _: 'codeSettings' } });
} catch (e) {
  if (!(e instanceof RpcError) || e.value === undefined || !e.text.startsWith('PHONE_MIGRATE_')) throw e;
  step('DC2: auth.sendCode', `${e.code} ${e.text} → moving to DC${e.value}`);
  conn.close();
  conn = open(e.value);
  await conn.connect();
  step(`DC${e.value}: TCP + auth key exchange`);
  sent = await conn.invoke({ _: 'auth.sendCode', phone_number: phone, api_id: 1, api_hash: 'demo', settings: { _: 'codeSettings' } });
}
if (sent._ !== 'auth.sentCode') throw new Error(`unexpected ${sent._}`);
step('auth.sendCode', `code sent (${sent.type._})`);

const code = phone[5]!.repeat(5);
let auth = await conn.invoke({ _: 'auth.signIn', phone_number: phone, phone_code_hash: sent.phone_code_hash, phone_code: code });
if (auth._ === 'auth.authorizationSignUpRequired') {
  auth = await conn.invoke({
    _: 'auth.signUp',
    phone_number: phone,
    phone_code_hash: sent.phone_code_hash,
    first_name: 'Wasm',
    last_name: 'Gram',
  });
  step('auth.signIn → auth.signUp', 'new test account');
} else step('auth.signIn');

const [me] = await conn.invoke({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] });
if (me?._ !== 'user') throw new Error('no user');
step('users.getUsers(inputUserSelf)', `id ${me.id}, ${me.first_name ?? ''} ${me.last_name ?? ''}, +${me.phone}`);

conn.close();
await server.stop();
console.log(`\nsigned in as ${me.first_name} ${me.last_name} (id ${me.id}) in ${(performance.now() - t0).toFixed(0)} ms total`);
