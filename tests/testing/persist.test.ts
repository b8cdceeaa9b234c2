/**
 * A test server given a data directory keeps what a stored client session
 * needs across restarts (ts/testing/server/persist.ts): a client signed in
 * before the restart reconnects to the restarted server with its stored
 * auth key and is still signed in — no new login, no new permanent key.
 * The files are written atomically and a corrupt one is refused, never
 * overwritten.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError } from '../../ts/errors.js';
import { StringStorage } from '../../ts/storage/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_VERSION, type ServerSnapshot } from '../../ts/testing/server/persist.js';
import { clientFor, within } from '../client/_support.js';
import { getCrypto } from './server-harness.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'wg-server-data-'));

async function start(dataDir: string): Promise<TestServer> {
  return TestServer.start({ dcs: [1, 2, 3], dataDir, crypto: await getCrypto(), websocket: false });
}

test('a stored session reconnects to a restarted server with the same data directory: same account, no new login or key', async () => {
  const dir = tempDir();
  let server = await start(dir);
  try {
    const bot = server.backend.addBot({ username: 'kept_bot', dcId: 2 });
    const a = await clientFor(server);
    const me = await within(a.start({ phone: '9996621234', code: '22222', firstName: 'Alice' }), 8000, 'login');
    const session = await a.exportSession();
    await a.close();
    const ports = server.dcs.map((d) => d.port);
    const fingerprint = server.fingerprint;
    await server.stop();

    server = await start(dir);
    assert.equal(
      server.dcs.map((d) => d.port),
      ports,
      'the kept ports are reused',
    );
    assert.is(server.fingerprint, fingerprint, 'the kept RSA key is reused');
    assert.is(server.backend.users.byPhone('9996621234')?.id, me.id);
    assert.is(server.backend.users.byBotToken(bot.token)?.id, bot.user.id, 'bot tokens are kept');
    const keysBefore = server.authKeyCount(2);
    const b = await clientFor(server, { storage: new StringStorage(session) });
    try {
      assert.ok(await within(b.isAuthorized(), 8000, 'isAuthorized'), 'still signed in');
      const again = await within(b.getMe(), 8000, 'getMe');
      assert.is(again.id, me.id);
      assert.is(again.first_name, 'Alice');
      assert.is(server.stats.rpcCalls['auth.signIn'], undefined, 'no new login');
      assert.is(server.stats.rpcCalls['auth.sendCode'], undefined, 'no new login');
      assert.is(server.authKeyCount(2), keysBefore, 'no new permanent key on the home DC');
    } finally {
      await b.close();
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a login made after the last save reaches the disk within the save delay, not only on stop (a killed server keeps it)', async () => {
  const dir = tempDir();
  const server = await start(dir);
  try {
    const a = await clientFor(server);
    const me = await within(a.start({ phone: '9996621235', code: '22222', firstName: 'Bob' }), 8000, 'login');
    await a.close();
    const deadline = Date.now() + 3000;
    let snap: ServerSnapshot | undefined;
    while (Date.now() < deadline) {
      snap = decodeSnapshot(readFileSync(join(dir, 'state.json'), 'utf8'), 'state.json');
      if (snap.authorizations.some((x) => x.userId === me.id)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(snap?.authorizations.some((x) => x.userId === me.id && x.dcId === 2));
    assert.ok(snap?.keys.some((k) => k.dcId === 2 && k.authKey.length === 256));
    assert.equal(readdirSync(dir).sort(), ['rsa-key.pem', 'state.json'], 'no temp file left behind');
    assert.is(statSync(join(dir, 'state.json')).mode & 0o077, 0, 'state.json is private (mode 600)');
    assert.is(statSync(join(dir, 'rsa-key.pem')).mode & 0o077, 0, 'rsa-key.pem is private (mode 600)');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a corrupt or foreign state.json is a SessionError naming the file, and is left as it was', async () => {
  const dir = tempDir();
  try {
    for (const text of ['{"version":1,"ports":', JSON.stringify({ version: 99 }), 'hello']) {
      writeFileSync(join(dir, 'state.json'), text);
      let error: unknown;
      try {
        await (await start(dir)).stop();
      } catch (e) {
        error = e;
      }
      assert.instance(error, SessionError);
      assert.match((error as Error).message, 'state.json');
      assert.is(readFileSync(join(dir, 'state.json'), 'utf8'), text, 'not overwritten');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('snapshot text: bigints as decimal strings, bytes as hex; a 255-byte auth key is refused', () => {
  const snapshot: ServerSnapshot = {
    version: SNAPSHOT_VERSION,
    ports: { 2: { tcp: 40002 } },
    users: [],
    keys: [{ dcId: 2, id: -5n, authKey: new Uint8Array(256).fill(0xab) }],
    authorizations: [{ dcId: 2, authKeyId: -5n, userId: 1000000n }],
    updateStates: [{ userId: 1000000n, state: { pts: 3, qts: 0, seq: 1, date: 1700000000 } }],
  };
  const text = encodeSnapshot(snapshot);
  assert.ok(text.includes('{"$n":"-5"}'));
  assert.ok(text.includes(`{"$b":"${'ab'.repeat(256)}"}`));
  // A name of its own: decoding must not create a file of that name (a fixed 'x' failed on a machine that had a /tmp/x).
  const name = `wasmgram-persist-${process.pid}-${Date.now()}`;
  assert.equal(decodeSnapshot(text, name), snapshot);
  const short = text.replace('ab'.repeat(256), 'ab'.repeat(255));
  assert.throws(
    () => decodeSnapshot(short, name),
    (e: unknown) => e instanceof SessionError && /auth key/.test((e as Error).message),
  );
  assert.ok(!existsSync(join(tmpdir(), name)));
});

test.run();
