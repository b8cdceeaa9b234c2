/**
 * `wasmgram upload`, `download` and `bench` as processes against a
 * TestServer started here (loopback): a 1.5 MiB file uploaded to a public
 * channel (its t.me link printed), downloaded back by that link and by
 * `peer id`, byte for byte; progress as plain lines when stderr is not a
 * terminal; exit codes 1 (no media, missing file, not signed in) and 2
 * (bad link, unknown option); `--help` of each; `bench --list` reaches the runner.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exportStringSession, MemoryStorage } from '../../ts/storage/index.js';
import type { TestServer } from '../../ts/testing/index.js';
import { ScriptedWorld } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from '../client/_support.js';
import { run } from './_run.js';

let server: TestServer;
let dir: string;
let keyFile: string;
let sessionFile: string;
let textMessageId: number;
const payload = new Uint8Array(1_500_000).map((_, i) => (i * 7919 + (i >> 9)) & 0xff);

const serverArgs = () => ['--test-server', `127.0.0.1:${server.dc(2).port}`, '--rsa-key', keyFile, '--session', `@${sessionFile}`];

test.before(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'wasmgram-transfer-'));
  keyFile = join(dir, 'server.pem');
  writeFileSync(keyFile, server.publicKeyPem);
  writeFileSync(join(dir, 'data.bin'), payload);
  const u = new ScriptedWorld(server.backend).user({ firstName: 'Uma' });
  const storage = new MemoryStorage();
  const client = await clientFor(server, { storage });
  try {
    await within(client.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 8000, 'login');
    const channel = await within(client.createChannel('Files'), 8000, 'createChannel');
    await within(
      client.invoke({
        _: 'channels.updateUsername',
        channel: {
          _: 'inputChannel',
          channel_id: channel.id,
          access_hash: channel.raw._ === 'channel' ? (channel.raw.access_hash ?? 0n) : 0n,
        },
        username: 'cli_files',
      }),
      8000,
      'username',
    );
    textMessageId = (await within(client.sendMessage('me', 'no media here'), 8000, 'send')).id;
  } finally {
    await client.close();
  }
  sessionFile = join(dir, 'session.txt');
  writeFileSync(sessionFile, exportStringSession(await storage.snapshot()));
});
test.after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let link = '';

test('upload to a public channel: progress lines on a non-terminal stderr, the t.me link on stdout (0)', async () => {
  const r = await run(['upload', join(dir, 'data.bin'), '--to', '@cli_files', '--caption', 'hi', ...serverArgs()], { deadlineMs: 30_000 });
  assert.is(r.code, 0, r.stderr);
  link = r.stdout.trim();
  assert.match(link, /^https:\/\/t\.me\/cli_files\/\d+$/);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('data.bin'));
  assert.ok(lines.length >= 2 && lines.length <= 11, r.stderr);
  assert.match(lines.at(-1)!, /^data\.bin 100% 1\.4 MiB \/ 1\.4 MiB /);
  assert.not.match(r.stderr, /\r/);
});

test('download by the t.me link: the same bytes, under the document name, path on stdout (0)', async () => {
  const out = join(dir, 'by-link');
  const r = await run(['download', link, '--out', out, ...serverArgs()], { deadlineMs: 30_000 });
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout.trim(), out);
  assert.ok(Buffer.compare(readFileSync(out), payload) === 0);
  assert.match(r.stderr, /100% 1\.4 MiB \/ 1\.4 MiB/);
  // The file exists now: kept unless --force.
  const again = await run(['download', link, '--out', out, '--quiet', ...serverArgs()], { deadlineMs: 30_000 });
  assert.is(again.code, 1);
  assert.match(again.stderr, /exists \(use --force/);
});

test('download by peer and id into a directory: the document name is kept', async () => {
  const id = link.split('/').at(-1)!;
  const into = join(dir, 'into');
  mkdirSync(into);
  const r = await run(['download', '@cli_files', id, '--out', into, '--quiet', ...serverArgs()], { deadlineMs: 30_000 });
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout.trim(), join(into, 'data.bin'));
  assert.ok(Buffer.compare(readFileSync(join(into, 'data.bin')), payload) === 0);
  assert.is(r.stderr, '');
});

test('failures: no media and a missing message (1), a bad link and an unknown option (2), no session (2)', async () => {
  const noMedia = await run(['download', 'me', String(textMessageId), ...serverArgs()], { deadlineMs: 30_000 });
  assert.is(noMedia.code, 1, noMedia.stderr);
  assert.match(noMedia.stderr, /has no photo or file/);
  const missing = await run(['download', 'https://t.me/cli_files/9999', ...serverArgs()], { deadlineMs: 30_000 });
  assert.is(missing.code, 1, missing.stderr);
  assert.match(missing.stderr, /does not exist/);
  const bad = await run(['download', 'https://example.com/x/1', ...serverArgs()]);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /not a t\.me message link/);
  const unknown = await run(['upload', join(dir, 'data.bin'), '--bogus']);
  assert.is(unknown.code, 2);
  const noFile = await run(['upload', join(dir, 'nope.bin'), ...serverArgs()]);
  assert.is(noFile.code, 1);
  assert.match(noFile.stderr, /not a readable file/);
  const noSession = await run(['upload', join(dir, 'data.bin')], { env: { WASMGRAM_SESSION: '' } });
  assert.is(noSession.code, 2);
  assert.match(noSession.stderr, /give --session/);
});

test('--help of download, upload and bench (0); bench --list reaches the runner', async () => {
  for (const [name, pattern] of [
    ['download', /Usage: wasmgram download <message link>/],
    ['upload', /Usage: wasmgram upload <file>/],
    ['bench', /Usage: wasmgram bench \[suite\.\.\.\]/],
  ] as const) {
    const r = await run([name, '--help']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, pattern);
  }
  const list = await run(['bench', '--list'], { deadlineMs: 30_000 });
  assert.is(list.code, 0, list.stderr);
  assert.match(list.stdout + list.stderr, /suites:[\s\S]*crypto/);
});

test.run();
