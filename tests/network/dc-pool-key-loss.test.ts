/**
 * The DC pool and a lost permanent key: when a DC confirms (-404 on fresh
 * connections) that it no longer knows the stored key, the pool deletes it
 * from storage, reports `auth-key-lost`, and stores the new key that
 * replaces it; one injected -404 on a working key changes nothing.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { type AuthKeyLost, DcPool } from '../../ts/network/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';

const init = {
  api_id: 1,
  device_model: 'wasmgram tests',
  system_version: 'node',
  app_version: '0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};

test('a stored key the DC no longer knows: deleted, reported once, replaced by a new stored key', async () => {
  const crypto = await createCryptoProvider();
  const server = await TestServer.start({ dcs: [2], crypto, onError: (e) => console.error('server bug:', e) });
  const storage = new MemoryStorage();
  await storage.open();
  const unknownKey = crypto.randomBytes(256);
  await storage.setAuthKey(2, { dcId: 2, authKey: unknownKey });
  const pool = new DcPool({
    crypto,
    sockets: createNodeTcpFactory(),
    storage,
    initConnection: init,
    rsaKeys: [server.rsaPublicKey],
    dcs: server.dcs.map((d) => ({ id: d.id, host: d.host, port: d.port })),
    connection: { reconnect: { initialMs: 10, maxMs: 50 }, requestTimeoutMs: 5_000 },
  });
  const lost: AuthKeyLost[] = [];
  pool.on('auth-key-lost', (info) => lost.push(info));
  try {
    await pool.start();
    // The call that ran into the lost key is rejected (its login is gone); the next one works on a new key.
    await pool.invoke({ _: 'help.getNearestDc' }).catch(() => undefined);
    assert.is((await pool.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    assert.is(lost.length, 1);
    assert.is(lost[0]!.dcId, 2);
    const stored = await storage.getAuthKey(2);
    assert.ok(stored, 'the new key is stored');
    assert.not.equal(stored!.authKey, unknownKey);
  } finally {
    await pool.close();
    await server.stop();
  }
});

test.run();
