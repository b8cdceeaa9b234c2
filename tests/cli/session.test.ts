/**
 * `wasmgram session` as a process: a round trip string → file → libSQL →
 * string gives back the same session; GramJS (made by GramJS's own
 * StringSession) and mtcute (made by @mtcute/core's writeStringSession)
 * strings import; `info` and every error keep the key and the string out;
 * an existing target is kept unless --force.
 */
import { writeStringSession } from '@mtcute/core/utils.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthKey } from 'telegram/crypto/AuthKey.js';
import { StringSession } from 'telegram/sessions/index.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptySnapshot, exportStringSession, readStringSession } from '../../ts/storage/index.js';
import { fakeKey } from '../storage/_conformance.js';
import { run } from './_run.js';

const KEY = fakeKey(5);
const keyHex = Buffer.from(KEY).toString('hex');
let dir: string;

function wasmgramString(): string {
  const s = emptySnapshot();
  s.homeDc = 4;
  s.dcOptions.push({ id: 4, host: '149.154.167.91', port: 443 });
  s.keys.push({ dcId: 4, authKey: KEY });
  s.account = { userId: 777000n, bot: false };
  return exportStringSession(s);
}

test.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'wasmgram-session-'));
});
test.after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('convert: string (@file) → session file → libSQL → string on stdout is the same session', async () => {
  const original = wasmgramString();
  writeFileSync(join(dir, 'in.txt'), `${original}\n`);
  const file = join(dir, 'a.session');
  const toFile = await run(['session', 'convert', `@${join(dir, 'in.txt')}`, file]);
  assert.is(toFile.code, 0, toFile.stderr);
  assert.is(toFile.stdout, '');
  assert.ok(existsSync(file));
  const db = `libsql:file:${join(dir, 's.db')}`;
  const toDb = await run(['session', 'convert', file, db, '--account', 'me']);
  assert.is(toDb.code, 0, toDb.stderr);
  const back = await run(['session', 'export', db, '--account', 'me']);
  assert.is(back.code, 0, back.stderr);
  assert.is(back.stdout.trim(), original);
  assert.not.match(toFile.stderr + toDb.stderr + back.stderr, original);
});

test('info: DC, address, key id, account — never the key or the string', async () => {
  const original = wasmgramString();
  const r = await run(['session', 'info', '-'], { input: `${original}\n` });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^home DC: +4 \(149\.154\.167\.91:443\)$/m);
  assert.match(r.stdout, /^auth key: +id [0-9a-f]{16} \(1 key stored\)$/m);
  assert.match(r.stdout, /^account: +user 777000$/m);
  assert.not.match(r.stdout + r.stderr, keyHex.slice(0, 32));
  assert.not.match(r.stdout + r.stderr, original.slice(2, 40));
});

test('import: a GramJS string (made by GramJS) into a session file; export gives a wasmgram string with the same key', async () => {
  const gs = new StringSession('');
  gs.setDC(2, '149.154.167.51', 443);
  const key = new AuthKey();
  await key.setKey(Buffer.from(KEY));
  gs.authKey = key;
  const gramjs = gs.save();
  const file = join(dir, 'gramjs.session');
  const r = await run(['session', 'import', file], { input: `${gramjs}\n` });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /Imported a gramjs string session into session file/);
  const out = await run(['session', 'export', file]);
  const snap = readStringSession(out.stdout.trim());
  assert.is(snap.format, 'wasmgram');
  assert.is(snap.snapshot.homeDc, 2);
  assert.equal(snap.snapshot.dcOptions, [{ id: 2, host: '149.154.167.51', port: 443 }]);
  assert.equal([...snap.snapshot.keys[0]!.authKey], [...KEY]);
});

test('convert: an mtcute string (made by @mtcute/core) to a text file with --out-like @FILE target, mode 600', async () => {
  const mtcute = writeStringSession({
    version: 3,
    primaryDcs: { main: { id: 2, ipAddress: '149.154.167.50', port: 443 }, media: { id: 2, ipAddress: '149.154.167.50', port: 443 } },
    self: { userId: 123456, isBot: true, isPremium: false, usernames: [] },
    authKey: KEY,
  } as unknown as Parameters<typeof writeStringSession>[0]);
  const target = join(dir, 'out.txt');
  const r = await run(['session', 'convert', '-', `@${target}`], { input: mtcute });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /Copied a mtcute string session/);
  const snap = readStringSession(readFileSync(target, 'utf8')).snapshot;
  assert.is(snap.account?.userId, 123456n);
  assert.is(snap.account?.bot, true);
  assert.is((await import('node:fs')).statSync(target).mode & 0o777, 0o600);
});

test('an existing target is kept (1) unless --force; a damaged string fails (1) without echoing it; usage errors (2)', async () => {
  const original = wasmgramString();
  const file = join(dir, 'exists.session');
  assert.is((await run(['session', 'import', file, original])).code, 0);
  const again = await run(['session', 'import', file, original]);
  assert.is(again.code, 1);
  assert.match(again.stderr, /exists \(--force replaces it\)/);
  assert.is((await run(['session', 'import', file, original, '--force'])).code, 0);

  const damaged = `1${'A'.repeat(40)}`;
  const bad = await run(['session', 'info', '-'], { input: damaged });
  assert.is(bad.code, 1);
  assert.is(bad.stderr.trim().split('\n').length, 2, bad.stderr); // the prompt line and the error
  assert.not.match(bad.stderr, damaged);

  for (const args of [['session'], ['session', 'frob'], ['session', 'convert', 'a'], ['session', 'import', '-']]) {
    assert.is((await run(args)).code, 2, args.join(' '));
  }
});

test.run();
