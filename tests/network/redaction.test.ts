/**
 * A connection never prints its keys (issue 10, finding 8): `console.log(connection)`,
 * util.inspect with hidden fields, `JSON.stringify(conn.authKey)` (a
 * `StoredAuthKey`) and the `auth-key` / `temp-key` results show `[redacted]`,
 * with the permanent key, a temporary key (PFS) and a live session inside.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { AuthKeyResult } from '../../ts/mtproto/handshake/index.js';
import { Connection } from '../../ts/network/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { leakIn, printed } from '../crypto/_leaks.js';

const init = {
  api_id: 1,
  device_model: 'wasmgram tests',
  system_version: 'node',
  app_version: '0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};

test('Connection, its StoredAuthKey and the AuthKeyResults it emits print as [redacted] (PFS: permanent and temporary keys)', async () => {
  const crypto = await createCryptoProvider();
  const server = await TestServer.start({ dcs: [2], crypto, onError: (e) => console.error('server bug:', e) });
  try {
    const dc = server.dcs[0]!;
    const conn = new Connection({
      crypto,
      sockets: createNodeTcpFactory(),
      dcId: 2,
      host: dc.host,
      port: dc.port,
      rsaKeys: [server.rsaPublicKey],
      pfs: {},
      initConnection: init,
    });
    const results: AuthKeyResult[] = [];
    conn.on('auth-key', (r) => results.push(r));
    conn.on('temp-key', (r) => results.push(r));
    assert.is((await conn.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    assert.is(results.length, 2);
    const secrets = results.map((r) => r.authKey);
    assert.equal(conn.authKey!.key, secrets[0]);
    assert.is(leakIn(conn, secrets), undefined);
    assert.is(leakIn(conn.authKey, secrets), undefined);
    assert.is(leakIn(conn.mtproto, secrets), undefined);
    for (const r of results) assert.is(leakIn(r, secrets), undefined);
    assert.is(JSON.stringify(conn.authKey), '"StoredAuthKey [redacted]"');
    assert.ok(printed(conn)[0]!.startsWith('Connection(dc 2) [redacted]'));
    conn.close();
  } finally {
    await server.stop();
  }
});

test('a StoredAuthKey passed in by the application is marked too (and a frozen one is copied, not mutated)', async () => {
  const crypto = await createCryptoProvider();
  const key = crypto.randomBytes(256);
  const options = { crypto, sockets: createNodeTcpFactory(), dcId: 2, host: '127.0.0.1', port: 1 };
  const given = { key, serverSalt: 5n };
  const conn = new Connection({ ...options, authKey: given });
  assert.is(conn.authKey, given);
  assert.is(leakIn(given, [key]), undefined);
  const frozen = Object.freeze({ key });
  const other = new Connection({ ...options, authKey: frozen });
  assert.is.not(other.authKey, frozen);
  assert.is(other.authKey!.key, key);
  assert.is(leakIn(other.authKey, [key]), undefined);
  conn.close();
  other.close();
});

test.run();
