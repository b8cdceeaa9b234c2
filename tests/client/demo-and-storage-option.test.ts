/**
 * `npm start` (examples/demo.ts) runs its tour against the test server, and
 * the `storage` option tells a wasmgram string session from a file path.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TelegramClient } from '../../ts/client/index.js';
import { SessionError } from '../../ts/errors.js';
import { looksLikeStringSession } from '../../ts/storage/string-session.js';
import { TestServer } from '../../ts/testing/index.js';

const root = new URL('../../', import.meta.url);

test('examples/demo.ts (npm start): sign-in, message, update, media, session restore', async () => {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
  assert.match(out, /client\.start \(key exchange, PHONE_MIGRATE_3\)\s+[\d.]+ ms {2}signed in as Wasm Gram/);
  assert.match(out, /history: \["Hello from wasmgram"\]/);
  assert.match(out, /client\.on\('newMessage'\) got "hi, this is Bob"/);
  assert.match(out, /bytes identical/);
  assert.match(out, /still Wasm \(id \d+\), no login/);
  assert.not.match(out, /wg[A-Za-z0-9_-]{40,}/, 'the session string is not printed');
});

test('storage: a string session is opened as one, a path as a file, and neither leaks into errors', async () => {
  const server = await TestServer.start({ dcs: [1, 2] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-storage-option-'));
  try {
    server.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
    const first = new TelegramClient({ apiId: 1, apiHash: 'x', testServer: server });
    const me = await first.start({ phone: '+9996621234', code: async () => '22222' });
    const session = await first.exportSession();
    await first.close();
    assert.ok(looksLikeStringSession(session));
    assert.not.ok(looksLikeStringSession('wg.session'), 'a short name starting with wg is a path');
    assert.not.ok(looksLikeStringSession(path.join(dir, 'wg'.padEnd(400, 'a'))), 'a path with separators is a path');

    const restored = new TelegramClient({ apiId: 1, apiHash: 'x', testServer: server, storage: session });
    assert.is((await restored.getMe()).id, me.id, 'no login needed');
    await restored.close();

    const file = path.join(dir, 'wg-alice.session');
    const onDisk = new TelegramClient({ apiId: 1, apiHash: 'x', testServer: server, storage: file });
    await onDisk.start({ phone: '+9996621234', code: async () => '22222' });
    await onDisk.close();
    assert.ok(fs.statSync(file).size > 256, 'a path is the file backend');

    // A damaged string session (one character changed) is a SessionError that does not quote it.
    const damaged = session.slice(0, 100) + (session[100] === 'A' ? 'B' : 'A') + session.slice(101);
    const broken = new TelegramClient({ apiId: 1, apiHash: 'x', testServer: server, storage: damaged });
    const err = await broken.getMe().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof SessionError, `SessionError, got ${String(err)}`);
    assert.not.ok(String((err as Error).message).includes(session.slice(2, 40)), 'the string is not in the message');
    await broken.close().catch(() => {});
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
});

test.run();
