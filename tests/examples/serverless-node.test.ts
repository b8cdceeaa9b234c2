/**
 * examples/serverless (Node): login.ts once, then node-handler.ts as fresh
 * processes against a test server run here, the session in a libSQL `file:`
 * database. A message sent while the bot was off is answered by the next
 * invocation, and a second invocation does not answer it again.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { ScriptedWorld, TestServer } from '../../ts/testing/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs an example script with tsx; resolves with its last stdout line as JSON. */
function runExample(file: string, env: Record<string, string>, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${file} exited ${code}\n${out}\n${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

test('examples/serverless node-handler: a message sent while the bot was off is answered once, by the next invocation', async () => {
  const server = await TestServer.start({ dcs: [2], crypto: await createCryptoProvider() });
  const world = new ScriptedWorld(server.backend);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-serverless-'));
  try {
    const { token, user: bot } = world.bot({ username: 'serverless_example_bot' });
    const alice = world.user({ firstName: 'Alice' });
    const dc = server.dcs[0]!;
    const env = {
      API_ID: '12345',
      API_HASH: '0123456789abcdef',
      LIBSQL_URL: `file:${path.join(dir, 'bot.db')}`,
      WASMGRAM_TEST_SERVER: JSON.stringify({
        dcs: [{ id: dc.id, host: dc.host, port: dc.port, wsPort: dc.wsPort }],
        pem: server.publicKeyPem,
      }),
    };
    assert.equal(await runExample('examples/serverless/login.ts', { ...env, BOT_TOKEN: token }), { signedIn: 'serverless_example_bot' });
    await alice.sendMessage(bot, 'are you there?');
    const first = await runExample('examples/serverless/node-handler.ts', env);
    assert.equal(first, { status: 'done', handled: 1, more: false });
    const reply = await alice.waitForMessage({ from: bot, text: 'you said: are you there?', timeoutMs: 5000 });
    assert.ok(reply);
    const second = await runExample('examples/serverless/node-handler.ts', env);
    assert.equal(second, { status: 'done', handled: 0, more: false });
    assert.is(alice.history(bot).filter((m) => m.text === 'you said: are you there?').length, 1, 'answered exactly once');
  } finally {
    world.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
