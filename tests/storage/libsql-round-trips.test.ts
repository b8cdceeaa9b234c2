/**
 * What LibsqlStorage costs in requests over HTTP (libsql-cache.ts): a
 * serverless invocation on remote libSQL pays one round trip per request, so
 * opening reads the whole session (schema check, account row, keys, channel
 * pts) in one request, taking the lease reads it again in the same request
 * as the UPDATE, reads after that are served from memory, writes go through
 * and are seen by a later open, and an unchanged key is not written again.
 * Counted at the loopback Hrana double (tests/storage/_hrana.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { fakeKey } from './_conformance.js';
import { HRANA_TOKEN, startHranaServer } from './_hrana.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wasmgram-libsql-trips-'));
const started = startHranaServer(path.join(dir, 'trips.sqlite'));
test.after(async () => {
  await (await started).close();
  rmSync(dir, { recursive: true, force: true });
});

/** Requests the double received while `f` ran. */
async function requestsOf(f: () => Promise<unknown>): Promise<number> {
  const hrana = await started;
  const before = hrana.requests();
  await f();
  return hrana.requests() - before;
}

test('libsql round trips: a fresh database is set up; a stored session then opens in one request and reads need none', async () => {
  const url = (await started).url;
  const first = new LibsqlStorage({ url, authToken: HRANA_TOKEN, account: 'bot' });
  await first.open(); // fresh database: the migration path
  await first.setHomeDc(2);
  await first.setDcOptions([{ id: 2, host: '127.0.0.1', port: 4430 }]);
  await first.setAuthKey(2, { dcId: 2, authKey: fakeKey(2), serverSalt: 7n, timeOffset: 1 });
  await first.setAccount({ userId: 42n, bot: true, username: 'trips_bot' });
  await first.setUpdateState({ pts: 10, qts: 0, date: 1_700_000_000, seq: 3 });
  await first.setChannelPts(-1001n, 5);
  await first.close();

  const s = new LibsqlStorage({ url, authToken: HRANA_TOKEN, account: 'bot' });
  assert.is(await requestsOf(() => s.open()), 1, 'open: one request');
  const reads = await requestsOf(async () => {
    assert.is(await s.getHomeDc(), 2);
    assert.equal(await s.getDcOptions(), [{ id: 2, host: '127.0.0.1', port: 4430 }]);
    assert.equal((await s.getAuthKey(2))?.authKey, fakeKey(2));
    assert.is((await s.getAuthKey(2))?.serverSalt, 7n);
    assert.is(await s.getAuthKey(4), undefined);
    assert.equal(await s.getAccount(), { userId: 42n, bot: true, username: 'trips_bot' });
    assert.equal(await s.getUpdateState(), { pts: 10, qts: 0, date: 1_700_000_000, seq: 3 });
    assert.is(await s.getChannelPts(-1001n), 5);
  });
  assert.is(reads, 0, 'reads after open: no request');
  assert.is(await requestsOf(() => s.acquireLease('run-1', 10_000)), 1, 'the lease and the session read: one request');
  assert.is(
    await requestsOf(() => s.setAuthKey(2, { dcId: 2, authKey: fakeKey(2), serverSalt: 7n, timeOffset: 1 })),
    0,
    'an unchanged key is not written',
  );
  assert.is(await requestsOf(() => s.setAuthKey(2, { dcId: 2, authKey: fakeKey(2), serverSalt: 8n, timeOffset: 1 })), 1, 'a new salt is');
  assert.is(await requestsOf(() => s.setUpdateState({ pts: 11, qts: 0, date: 1_700_000_001, seq: 3 })), 1);
  assert.equal(await s.getUpdateState(), { pts: 11, qts: 0, date: 1_700_000_001, seq: 3 }, 'a write is read back');
  await s.close();

  // Written through: another storage sees the writes.
  const again = new LibsqlStorage({ url, authToken: HRANA_TOKEN, account: 'bot' });
  await again.open();
  assert.is((await again.getAuthKey(2))?.serverSalt, 8n);
  assert.equal(await again.getUpdateState(), { pts: 11, qts: 0, date: 1_700_000_001, seq: 3 });
  const snap = await again.snapshot();
  assert.is(snap.homeDc, 2);
  assert.is(snap.keys.length, 1);
  assert.is(snap.channelPts.get(-1001n), 5);
  await again.close();
});

test('libsql round trips: the lease refreshes what another process wrote before it was taken', async () => {
  const url = (await started).url;
  const a = new LibsqlStorage({ url, authToken: HRANA_TOKEN, account: 'shared' });
  const b = new LibsqlStorage({ url, authToken: HRANA_TOKEN, account: 'shared' });
  await a.open();
  await b.open();
  await b.setUpdateState({ pts: 99, qts: 1, date: 1_700_000_002, seq: 4 });
  await b.close();
  await a.acquireLease('run-2', 10_000);
  assert.equal(await a.getUpdateState(), { pts: 99, qts: 1, date: 1_700_000_002, seq: 4 });
  await a.close();
});

test.run();
