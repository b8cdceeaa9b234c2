/**
 * `wasmgram test-server --data-dir DIR`: the option is parsed, the server
 * keeps its RSA key and state in DIR, and a second run with the same DIR
 * prints the same key fingerprint and the same ports (so a client's stored
 * session reconnects; the protocol side is tests/testing/persist.test.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CliIo } from '../../ts/cli/io.js';
import { parseTestServerArgs, testServerCommand } from '../../ts/cli/test-server.js';

test('--data-dir DIR is parsed; without a value it is a usage error', () => {
  const args = parseTestServerArgs(['--data-dir', '/tmp/x', '--dcs', '2']);
  assert.ok(args !== 'help' && args.dataDir === '/tmp/x');
  assert.throws(() => parseTestServerArgs(['--data-dir']), /--data-dir needs a value/);
});

/** Runs the command in-process until its description is printed, then stops it; resolves with what it printed. */
async function runOnce(dir: string): Promise<string> {
  const controller = new AbortController();
  const lines: string[] = [];
  const io: CliIo = {
    out: (text) => {
      lines.push(text);
      if (text.includes('Running.')) controller.abort();
    },
    err: (text) => lines.push(text),
    ask: () => Promise.reject(new Error('no input')),
    readAll: () => Promise.resolve(new Uint8Array()),
    signal: controller.signal,
  };
  const timer = setTimeout(() => controller.abort(), 15_000);
  try {
    assert.is(await testServerCommand(['--data-dir', dir, '--dcs', '1,2', '--no-websocket'], io), 0);
  } finally {
    clearTimeout(timer);
  }
  return lines.join('\n');
}

test('a second run with the same --data-dir has the same RSA key and ports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-cli-data-'));
  try {
    const first = await runOnce(dir);
    assert.ok(existsSync(join(dir, 'rsa-key.pem')) && existsSync(join(dir, 'state.json')));
    const second = await runOnce(dir);
    const pick = (text: string) => [...text.matchAll(/fingerprint 0x[0-9a-f]+|DC \d+ {3}tcp \S+/g)].map((m) => m[0]);
    assert.is(pick(first).length, 3);
    assert.equal(pick(second), pick(first));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
