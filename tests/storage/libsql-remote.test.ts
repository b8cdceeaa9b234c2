/**
 * The remote path of the libSQL storage (`http://` URLs with an auth token,
 * the code path of `libsql://` and `https://`): the storage conformance
 * suite against a libSQL server on loopback.
 *
 * No libSQL server (sqld) can be installed here — none on npm or in Debian,
 * and turso's `tursodb --sync-server` answers @libsql/client over HTTP with
 * `unknown variant 'close'` (shared/TOOLCHAIN.md) — so this file runs a small
 * one: the subset of Hrana 2 over HTTP (JSON,
 * https://github.com/tursodatabase/libsql/blob/main/docs/HRANA_2_SPEC.md and
 * HTTP_V2_SPEC.md) that @libsql/client 0.x sends — `POST /v2/pipeline` with
 * `execute`, `batch` (step conditions `ok`/`error`/`not`/`and`/`or`),
 * `store_sql`/`close_sql`, `get_autocommit`, `sequence` and `close`, streams
 * kept across requests by baton, `Authorization: Bearer` checked — over a
 * local database file, each stream on its own local @libsql/client `file:`
 * client. It is a test double, not a server for use: a stream's BEGIN /
 * COMMIT / END / ROLLBACK statements become that client's `transaction()`,
 * `commit()` and `rollback()` (its `execute` does not keep a transaction
 * open between calls).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError } from '../../ts/errors.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { conformance, fakeKey, fullSnapshot } from './_conformance.js';
import { HRANA_TOKEN as TOKEN, startHranaServer } from './_hrana.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wasmgram-libsql-remote-'));
// Started on first use (the test runner loads this file as CommonJS: no top-level await).
const started = startHranaServer(path.join(dir, 'remote.sqlite'));
let accounts = 0;

conformance('LibsqlStorage over HTTP (Hrana)', {
  // One database, an account per storage: the remote store is shared, as in production.
  create: async () => new LibsqlStorage({ url: (await started).url, authToken: TOKEN, account: `acc${accounts++}` }),
  reopen: async (s) => {
    const o = (s as unknown as { options: { account: string } }).options;
    return new LibsqlStorage({ url: (await started).url, authToken: TOKEN, account: o.account });
  },
});

test('libsql over HTTP: the statements really went over HTTP; a second client sees the first one’s session', async () => {
  const hrana = await started;
  const before = hrana.requests();
  const a = new LibsqlStorage({ url: hrana.url, authToken: TOKEN, account: 'shared' });
  await a.open();
  await a.restore(fullSnapshot(50));
  await a.setAuthKey(3, { dcId: 3, authKey: fakeKey(3) });
  await a.close();
  assert.ok(hrana.requests() > before, 'requests reached the HTTP server');
  const b = new LibsqlStorage({ url: hrana.url, authToken: TOKEN, account: 'shared' });
  await b.open();
  assert.equal((await b.getAuthKey(3))?.authKey, fakeKey(3));
  assert.is(await b.getHomeDc(), 2);
  await b.close();
});

test('libsql over HTTP: a wrong auth token is a SessionError that does not show the token', async () => {
  const hrana = await started;
  const s = new LibsqlStorage({ url: hrana.url, authToken: 'wrong-token-secret', account: 'x' });
  let error: unknown;
  try {
    await s.open();
  } catch (e) {
    error = e;
  }
  await s.close().catch(() => {});
  assert.instance(error, SessionError);
  assert.not.match(String((error as Error).message), 'wrong-token-secret');
});

test.after(async () => {
  await (await started).close();
  rmSync(dir, { recursive: true, force: true });
});

test.run();
