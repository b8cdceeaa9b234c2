import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError } from '../../ts/errors.js';
import { LibsqlStateStorage } from '../../ts/fsm/libsql.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { conformance } from './_conformance.js';

let now = 1_000_000;
conformance('libSQL (:memory:)', {
  create: async () => new LibsqlStateStorage({ url: ':memory:', now: () => now }),
  advance: (ms) => {
    now += ms;
  },
});

test('libSQL: shares one database file with the stored session (own table), and survives reopening', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-fsm-'));
  try {
    const url = `file:${join(dir, 'bot.db')}`;
    const db = createClient({ url });
    const session = new LibsqlStorage({ client: db });
    await session.open();
    const states = new LibsqlStateStorage({ client: db });
    await states.set('c1:u1', '{"name":"askAge","data":{}}');
    const tables = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    const names = tables.rows.map((r) => String(r.name));
    assert.ok(names.includes('wg_fsm_states'), names.join());
    assert.ok(names.includes('wg_sessions'), names.join());
    await states.close(); // does not close the shared client
    await session.close();
    db.close();
    const again = new LibsqlStateStorage({ url });
    assert.is(await again.get('c1:u1'), '{"name":"askAge","data":{}}');
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('libSQL: sweep deletes expired rows; a bad table name is a SessionError', async () => {
  let t = 0;
  const s = new LibsqlStateStorage({ url: ':memory:', now: () => t, sweepEvery: 0 });
  await s.set('a', '1', { ttlMs: 5 });
  await s.set('b', '1', { ttlMs: 50 });
  await s.set('c', '1');
  t = 10;
  assert.is(await s.sweep(), 1);
  await s.close();
  assert.throws(
    () => new LibsqlStateStorage({ table: 'x; DROP TABLE y' }),
    (e: unknown) => e instanceof SessionError,
  );
});

test('libSQL: options holding the auth token print redacted', async () => {
  const s = new LibsqlStateStorage({ url: ':memory:', authToken: 'secret-token-123' });
  assert.not.ok(JSON.stringify({ s }).includes('secret-token-123'));
  await s.close();
});

test.run();
