/**
 * e2e: the DC pool's migrations (https://core.telegram.org/api/errors#303-see-other),
 * login transfer between DCs (https://core.telegram.org/api/datacenter#authorization-transfer),
 * media/transfer connections, and each retry policy, through TelegramClient
 * against the test server (errors injected with its fault queue).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RpcError } from '../../ts/errors.js';
import { AutoSleep, CircuitBreaker, CircuitOpenError, ExponentialBackoff, NoRetries } from '../../ts/network/retry-policy.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import type { TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer } from './_support.js';

let server: TestServer;
test.before(async () => {
  server = await startServer();
});
test.after(async () => {
  await server.stop();
});

async function signedIn(phone: string, code: string, storage = new MemoryStorage()) {
  const user = server.backend.addUser({ phone, firstName: 'Pool' });
  const client = await clientFor(server, { storage });
  await client.start({ phone, code });
  return { user, client, storage };
}

const dcsOf = (userId: bigint) => new Set(server.backend.auth.authorizationsOf(userId).map((k) => k.dcId));

test('FILE_MIGRATE_X and STATS_MIGRATE_X: re-sent on DC X after carrying the login there; the home DC stays', async () => {
  const { user, client } = await signedIn('9996621601', '22222');
  try {
    server.backend.faults.failNext('users.getUsers', 303, 'FILE_MIGRATE_1');
    assert.is((await client.getMe()).id, user.id);
    assert.ok(dcsOf(user.id).has(1), 'exportAuthorization/importAuthorization signed DC 1 in');
    assert.is(client.pool.homeDc, 2);
    server.backend.faults.failNext('users.getUsers', 303, 'STATS_MIGRATE_3');
    assert.is((await client.getMe()).id, user.id);
    assert.ok(dcsOf(user.id).has(3));
    assert.is(client.pool.homeDc, 2);
  } finally {
    await client.close();
  }
});

test('NETWORK_MIGRATE_X and USER_MIGRATE_X on a home call: the home DC moves (stored)', async () => {
  const storage = new MemoryStorage();
  const client = await clientFor(server, { storage });
  try {
    server.backend.faults.failNext('help.getConfig', 303, 'NETWORK_MIGRATE_3');
    const config = await client.invoke({ _: 'help.getConfig' });
    assert.is(config.this_dc, 3);
    assert.is(await storage.getHomeDc(), 3);
    server.backend.faults.failNext('help.getConfig', 303, 'USER_MIGRATE_1');
    assert.is((await client.invoke({ _: 'help.getConfig' })).this_dc, 1);
    assert.is(client.pool.homeDc, 1);
  } finally {
    await client.close();
  }
});

test('invoke({ dcId }): the call runs on that DC with the login carried once; media and transfer slots share the key', async () => {
  const { user, client, storage } = await signedIn('9996621602', '22222');
  try {
    const before = server.stats.rpcCalls['auth.importAuthorization'] ?? 0;
    const [a, b] = await Promise.all([
      client.invoke({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] }, { dcId: 3 }),
      client.invoke({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] }, { dcId: 3 }),
    ]);
    assert.is(a[0]?.id, user.id);
    assert.is(b[0]?.id, user.id);
    assert.is((server.stats.rpcCalls['auth.importAuthorization'] ?? 0) - before, 1, 'one transfer for concurrent calls');
    assert.ok(await storage.getAuthKey(3), 'the DC 3 key is stored');
    const media = await client.invoke({ _: 'help.getConfig' }, { dcId: 2, media: true });
    assert.is(media.this_dc, 2);
    assert.ok(await storage.getAuthKey(2, true), 'the media key is stored apart');
    const main = await client.pool.connection(2);
    const extra = await client.pool.connection(2, { slot: 1 });
    await extra.invoke({ _: 'help.getConfig' });
    assert.is(extra.authKey?.key, main.authKey?.key, 'a transfer slot reuses the DC key');
  } finally {
    await client.close();
  }
});

test('idle connections other than the home DC’s are closed by the sweep', async () => {
  const client = await clientFor(server, { idleMs: 0 });
  try {
    await client.invoke({ _: 'help.getConfig' });
    await client.invoke({ _: 'help.getConfig' }, { dcId: 1 });
    assert.is(client.pool.size, 2);
    client.pool.sweepIdle();
    assert.is(client.pool.size, 1, 'only the home connection stays');
    assert.is((await client.invoke({ _: 'help.getConfig' }, { dcId: 1 })).this_dc, 1, 'reopened on demand');
  } finally {
    await client.close();
  }
});

test('AutoSleep (default): FLOOD_WAIT_1 and SLOWMODE_WAIT_1 are slept through; a wait over the threshold reaches the caller', async () => {
  const client = await clientFor(server, { retry: new AutoSleep({ maxWaitSeconds: 1, jitter: 0 }) });
  try {
    server.backend.faults.floodWait('help.getConfig', 1);
    const t0 = Date.now();
    await client.invoke({ _: 'help.getConfig' });
    assert.ok(Date.now() - t0 >= 900, 'slept about a second');
    server.backend.faults.failNext('help.getNearestDc', 420, 'SLOWMODE_WAIT_1');
    await client.invoke({ _: 'help.getNearestDc' }, { retry: new AutoSleep({ maxWaitSeconds: 1, jitter: 0 }) });
    server.backend.faults.floodWait('help.getConfig', 5);
    try {
      await client.invoke({ _: 'help.getConfig' });
      assert.unreachable();
    } catch (e) {
      assert.ok(RpcError.is(e, 'FLOOD_WAIT_%d') && e.seconds === 5, String(e));
    }
  } finally {
    await client.close();
  }
});

test('NoRetries per call: the first error reaches the caller', async () => {
  const client = await clientFor(server);
  try {
    server.backend.faults.failNext('help.getConfig', 500, 'INTERNAL_SERVER_ERROR');
    try {
      await client.invoke({ _: 'help.getConfig' }, { retry: new NoRetries() });
      assert.unreachable();
    } catch (e) {
      assert.ok(RpcError.is(e, 500), String(e));
    }
  } finally {
    await client.close();
  }
});

test('ExponentialBackoff: three 500s then success', async () => {
  const client = await clientFor(server, { retry: new ExponentialBackoff({ baseMs: 10, maxAttempts: 5 }) });
  try {
    server.backend.faults.failNext('help.getConfig', 500, 'INTERNAL_SERVER_ERROR', 3);
    assert.is((await client.invoke({ _: 'help.getConfig' })).this_dc, 2);
    assert.is(server.backend.faults.pending, 0);
  } finally {
    await client.close();
  }
});

test('CircuitBreaker: opens after N failures and refuses calls without sending them, then half-opens', async () => {
  const breaker = new CircuitBreaker({ threshold: 2, cooldownMs: 200 });
  const client = await clientFor(server, { retry: breaker });
  try {
    server.backend.faults.failNext('help.getConfig', 500, 'INTERNAL_SERVER_ERROR', 2);
    for (let i = 0; i < 2; i++) await client.invoke({ _: 'help.getConfig' }).catch(() => {});
    const calls = server.stats.rpcCalls['help.getConfig'] ?? 0;
    try {
      await client.invoke({ _: 'help.getConfig' });
      assert.unreachable();
    } catch (e) {
      assert.instance(e, CircuitOpenError);
    }
    assert.is(server.stats.rpcCalls['help.getConfig'] ?? 0, calls, 'nothing sent while open');
    await new Promise((r) => setTimeout(r, 220));
    assert.is((await client.invoke({ _: 'help.getConfig' })).this_dc, 2, 'the half-open trial succeeds and closes it');
    assert.is(breaker.state(Date.now()), 'closed');
  } finally {
    await client.close();
  }
});

test.run();
