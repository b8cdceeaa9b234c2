import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LIBSQL_SCHEMA_VERSION } from '../../ts/storage/libsql-schema.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { conformance, fakeKey, fullSnapshot, peer, rejectsSession } from './_conformance.js';
import { spawnChild } from './_spawn.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wasmgram-libsql-'));
let n = 0;
const freshUrl = () => `file:${path.join(dir, `db${n++}.sqlite`)}`;

conformance('LibsqlStorage', {
  create: async () => new LibsqlStorage({ url: freshUrl() }),
  reopen: async (s) => new LibsqlStorage({ url: (s as unknown as { options: { url: string } }).options.url }),
});

test('libsql: :memory: works, and the default account is "default"', async () => {
  const s = new LibsqlStorage({ url: ':memory:' });
  await s.open();
  await s.setHomeDc(2);
  assert.is(await s.getHomeDc(), 2);
  assert.equal(await s.accounts(), ['default']);
  await s.close();
});

test('libsql: several accounts in one database are independent', async () => {
  const url = freshUrl();
  const a = new LibsqlStorage({ url, account: 'alice' });
  const b = new LibsqlStorage({ url, account: 'bot' });
  await a.open();
  await b.open();
  await a.restore(fullSnapshot(10));
  await b.setHomeDc(4);
  await b.setAuthKey(4, { dcId: 4, authKey: fakeKey(44) });
  await b.putPeers([peer(100n, { usernames: ['bots_own'] })]);
  assert.is(await a.getHomeDc(), 2);
  assert.is(await b.getHomeDc(), 4);
  assert.is((await a.getPeer(100n))!.usernames![0], 'user0');
  assert.is((await b.getPeer(100n))!.usernames![0], 'bots_own');
  assert.is(await b.getPeerByUsername('user0'), undefined);
  assert.equal([...(await a.getAuthKey(2))!.authKey], [...fakeKey(2)]);
  assert.is(await b.getAuthKey(2), undefined);
  await a.restore(fullSnapshot(0)); // restoring alice leaves bot alone
  assert.ok(await b.getPeer(100n));
  assert.equal(await a.accounts(), ['alice', 'bot']);
  await a.close();
  await b.close();
});

test('libsql: a fresh database is migrated to the current schema; a newer one is refused', async () => {
  const url = freshUrl();
  const s = new LibsqlStorage({ url });
  await s.open();
  await s.close();
  const c = createClient({ url });
  const v = await c.execute("SELECT value FROM wg_meta WHERE key = 'schema_version'");
  assert.is(Number(v.rows[0]!.value), LIBSQL_SCHEMA_VERSION);
  await c.execute("UPDATE wg_meta SET value = '99' WHERE key = 'schema_version'");
  c.close();
  const newer = new LibsqlStorage({ url });
  await rejectsSession(() => newer.open(), /schema version 99 is newer.*upgrade/);
  await newer.close();
});

test('libsql: 10 000 peers in one putPeers call (chunked, one transaction) are all findable', async () => {
  const s = new LibsqlStorage({ url: freshUrl() });
  await s.open();
  const peers = Array.from({ length: 10_000 }, (_, i) =>
    peer(BigInt(i + 1), { usernames: [`u${i}`], phone: i % 2 ? `1555${i}` : undefined }),
  );
  await s.putPeers(peers);
  assert.is((await s.getPeerByUsername('u9999'))!.id, 10_000n);
  assert.is((await s.getPeerByPhone('15559999'))!.id, 10_000n);
  assert.is((await s.snapshot()).peers.size, 10_000);
  await s.close();
});

test('libsql: the client given by the caller is used and not closed', async () => {
  const client = createClient({ url: ':memory:', intMode: 'bigint' });
  const s = new LibsqlStorage({ client, account: 'x' });
  await s.open();
  await s.setHomeDc(3);
  await s.close();
  const r = await client.execute("SELECT home_dc FROM wg_sessions WHERE account = 'x'");
  assert.is(Number(r.rows[0]!.home_dc), 3);
  client.close();
});

test('libsql lease: a second process is refused naming the holder, unless it takes over', async () => {
  const file = path.join(dir, 'lease.sqlite');
  const child = await spawnChild(['hold-lease-libsql', file, 'worker-A']);
  try {
    const s = new LibsqlStorage({ url: `file:${file}`, account: 'main' });
    await s.open();
    assert.is((await s.leaseHolder())?.owner, 'worker-A');
    await rejectsSession(() => s.acquireLease('worker-B', 10_000), /in use by worker-A/);
    await s.acquireLease('worker-B', 10_000, true);
    await rejectsSession(() => s.renewLease('worker-A', 10_000), /lost: now held by worker-B/);
    await s.close(); // releases
    const t = new LibsqlStorage({ url: `file:${file}`, account: 'main' });
    await t.open();
    assert.is(await t.leaseHolder(), undefined);
    await t.close();
  } finally {
    await child.kill();
  }
});

test('libsql: calls with a bad URL fail with SessionError, not a raw error', async () => {
  const s = new LibsqlStorage({ url: 'nope://x' });
  await rejectsSession(() => s.open());
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
