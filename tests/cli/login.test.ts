/**
 * `wasmgram login` as a process against a TestServer started here (offline,
 * loopback): phone + code on stdin (the account's home on another DC: a
 * PHONE_MIGRATE with only one address given), 2FA, a bot token to a session
 * file, QR login accepted by a second client, libSQL; each session is then
 * opened by a TelegramClient that answers getMe without a new login. Codes
 * and passwords never appear in the output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nodeFileStorage } from '../../ts/storage/file-node.js';
import { StringStorage } from '../../ts/storage/index.js';
import type { TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from '../client/_support.js';
import { sharedKeyPem } from '../testing/server-harness.js';
import { encodeQr } from '../../ts/client/qr-encode.js';
import { renderQr } from '../../ts/cli/qr-render.js';
import { run, start } from './_run.js';

let server: TestServer;
let dir: string;
let keyFile: string;
let publicKeyFile: string;
const dc = (id: number) => `127.0.0.1:${server.dc(id).port}`;

test.before(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'wasmgram-login-'));
  keyFile = join(dir, 'server.pem');
  writeFileSync(keyFile, sharedKeyPem());
  publicKeyFile = join(dir, 'public.pem');
  writeFileSync(publicKeyFile, server.publicKeyPem);
});
test.after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** getMe through a client opened on a stored session: no login needed. */
async function meFrom(storage: ConstructorParameters<typeof StringStorage>[0] | ReturnType<typeof nodeFileStorage>): Promise<bigint> {
  const client = await clientFor(server, { storage: typeof storage === 'string' ? new StringStorage(storage) : storage });
  try {
    return (await within(client.getMe(), 8000, 'getMe')).id;
  } finally {
    await client.close();
  }
}

test('phone + code on stdin, one DC address given, account on DC 1 (PHONE_MIGRATE_1): a string session on stdout', async () => {
  const ann = server.backend.addUser({ phone: '9996611701', firstName: 'Ann' });
  const r = await run(['login', '--test-server', dc(2), '--rsa-key', publicKeyFile], { input: '9996611701\n11111\n' });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /Phone number: \nCode \(sent in the Telegram app\): \nSigned in as Ann, id \d+\./);
  const session = r.stdout.trim();
  assert.match(session, /^wg[A-Za-z0-9_-]+$/);
  assert.not.match(r.stderr, /11111/);
  assert.is(await meFrom(session), ann.id);
});

test('2FA: the password prompt shows the hint; the password is not echoed; wrong code three times fails (1)', async () => {
  const bea = server.backend.addUser({ phone: '9996621702', firstName: 'Bea' });
  await server.backend.setPassword(bea.id, 'hunter2', 'the usual');
  const list = `1=${dc(1)},2=${dc(2)},3=${dc(3)}`;
  const r = await run(['login', '--phone', '9996621702', '--test-server', list, '--rsa-key', keyFile], { input: '22222\nhunter2\n' });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /2FA password \(hint: the usual\): /);
  assert.not.match(r.stdout + r.stderr, /hunter2|22222/);
  assert.is(await meFrom(r.stdout.trim()), bea.id);

  const wrong = await run(['login', '--phone', '9996621702', '--test-server', list, '--rsa-key', keyFile], {
    input: '12345\n12345\n12345\n',
  });
  assert.is(wrong.code, 1);
  assert.match(wrong.stderr, /PHONE_CODE_INVALID/);
  assert.is(wrong.stdout, '');
});

test('bot token to a session file (--out); a second login with the file reuses it', async () => {
  const { token, user } = server.backend.addBot({ username: 'cli_test_bot', firstName: 'Cli' });
  const file = join(dir, 'bot.session');
  const r = await run(['login', '--bot-token', token, '--out', file, '--test-server', dc(2), '--rsa-key', keyFile]);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /Signed in as Cli \(@cli_test_bot\), id \d+, bot\./);
  assert.not.match(r.stderr, new RegExp(token.split(':')[1]!));
  assert.is(await meFrom(nodeFileStorage(file)), user.id);
  const again = await run(['login', '--out', file, '--test-server', dc(2), '--rsa-key', keyFile]);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stderr, /Signed in as Cli/);
});

test('QR: the tg://login link goes to stderr; a signed-in client accepts it; the session lands in libSQL', async () => {
  const cy = server.backend.addUser({ phone: '9996621703', firstName: 'Cy' });
  const phone = await clientFor(server);
  try {
    await phone.start({ phone: '9996621703', code: '22222' });
    const db = join(dir, 'sessions.db');
    const running = start(['login', '--qr', '--libsql', `file:${db}`, '--account', 'cy', '--test-server', dc(2), '--rsa-key', keyFile]);
    const [url] = await running.waitForStderr(/tg:\/\/login\?token=[A-Za-z0-9_-]+/);
    await phone.acceptLoginToken(url);
    const r = await running.done;
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stderr, /Signed in as Cy/);
    // The link is drawn as a QR code above it (half blocks; coloured unless NO_COLOR, which the child inherits).
    assert.ok(
      r.stderr.includes(renderQr(encodeQr(url, { ecc: 'M' }), { colors: !process.env.NO_COLOR })),
      'the QR code of the link is drawn',
    );
    const exported = await run(['session', 'export', `libsql:file:${db}`, '--account', 'cy']);
    assert.is(exported.code, 0, exported.stderr);
    assert.is(await meFrom(exported.stdout.trim()), cy.id);
  } finally {
    await phone.close();
  }
});

test('usage errors (2): --test-server without --rsa-key, two login methods, a bad address', async () => {
  for (const args of [
    ['login', '--test-server', '127.0.0.1:1'],
    ['login', '--qr', '--bot-token', 'x', '--test-server', '127.0.0.1:1', '--rsa-key', 'k'],
    ['login', '--test-server', 'nohost', '--rsa-key', 'k'],
  ]) {
    const r = await run(args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  }
});

test.run();
