/**
 * `wasmgram test-server`: argument parsing, the printed description, and a
 * client that knows only what was printed (ports and public key PEM)
 * completing a key exchange and a query.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRsaPublicKey } from '../../ts/crypto/rsa.js';
import { main, parseTestServerArgs } from '../../ts/testing/cli.js';
import type { TestServer } from '../../ts/testing/index.js';
import { getCrypto, SessionClient, sharedKeyPem, until } from './server-harness.js';

test('parseTestServerArgs: defaults, every option, and errors', () => {
  assert.equal(parseTestServerArgs([]), { host: '127.0.0.1', dcs: [1, 2, 3, 4, 5], websocket: true });
  assert.equal(parseTestServerArgs(['--host', '::1', '--dcs', '1, 3', '--port', '40000', '--rsa-key', 'k.pem', '--no-websocket']), {
    host: '::1',
    dcs: [1, 3],
    basePort: 40000,
    rsaKeyFile: 'k.pem',
    websocket: false,
  });
  assert.is(parseTestServerArgs(['--help']), 'help');
  assert.throws(() => parseTestServerArgs(['--dcs', '0,10']), /1\.\.9/);
  assert.throws(() => parseTestServerArgs(['--port', '70000']), /--port/);
  assert.throws(() => parseTestServerArgs(['--host']), /needs a value/);
  assert.throws(() => parseTestServerArgs(['--bogus']), /unknown option/);
});

test('main: usage errors exit 2, help exits 0', async () => {
  const lines: string[] = [];
  const out = (t: string) => lines.push(t);
  assert.is(await main(['nope'], { out }), 2);
  assert.is(await main(['test-server', '--bogus'], { out }), 2);
  assert.is(await main(['test-server', '--help'], { out }), 0);
  assert.match(lines.join('\n'), /99966XYYYY/);
});

test('test-server prints every DC and the public key; a client with only that text logs a query; Ctrl+C stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmgram-cli-'));
  try {
    const keyFile = join(dir, 'server.pem');
    writeFileSync(keyFile, sharedKeyPem());
    const lines: string[] = [];
    const stop = new AbortController();
    const running = main(['test-server', '--dcs', '1,2', '--rsa-key', keyFile], { out: (t) => lines.push(t), signal: stop.signal });
    await until(() => lines.some((l) => l.includes('Running')), 'the server to start', 5000);
    const text = lines.join('\n');
    const dcs = [...text.matchAll(/DC (\d)\s+tcp ([\d.]+):(\d+)\s+ws:\/\/[\d.]+:(\d+)\/apiws/g)].map((m) => ({
      id: Number(m[1]),
      host: m[2]!,
      port: Number(m[3]),
      wsPort: Number(m[4]),
    }));
    assert.equal(
      dcs.map((d) => d.id),
      [1, 2],
    );
    const pem = /-----BEGIN RSA PUBLIC KEY-----[\s\S]+?-----END RSA PUBLIC KEY-----/.exec(text)![0];
    const key = loadRsaPublicKey(pem, await getCrypto());
    assert.match(text, new RegExp(`fingerprint 0x${key.fingerprint.toString(16).padStart(16, '0')}`));

    // Only the printed facts: ports and the key.
    const printed = { dc: (id: number) => dcs.find((d) => d.id === id)!, rsaPublicKey: key } as unknown as TestServer;
    for (const websocket of [false, true]) {
      const client = await SessionClient.connect(printed, { dc: 2, websocket });
      assert.is((await client.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
      client.close();
    }
    stop.abort();
    assert.is(await running, 0);
    assert.match(lines.join('\n'), /Stopped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--rsa-key FILE that does not exist: a key is made, saved with mode 600, and reused next time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmgram-cli-'));
  try {
    const keyFile = join(dir, 'new.pem');
    const fingerprints: string[] = [];
    for (let run = 0; run < 2; run++) {
      const lines: string[] = [];
      const stop = new AbortController();
      const running = main(['test-server', '--dcs', '1', '--no-websocket', '--rsa-key', keyFile], {
        out: (t) => lines.push(t),
        signal: stop.signal,
      });
      await until(() => lines.some((l) => l.includes('Running')), 'the server to start', 10000);
      fingerprints.push(/fingerprint (0x[0-9a-f]+)/.exec(lines.join('\n'))![1]!);
      assert.is(
        lines.some((l) => l.startsWith('Made a new RSA key')),
        run === 0,
      );
      stop.abort();
      assert.is(await running, 0);
    }
    assert.is(fingerprints[0], fingerprints[1]);
    assert.match(readFileSync(keyFile, 'utf8'), /BEGIN RSA PRIVATE KEY/);
    assert.is(statSync(keyFile).mode & 0o777, 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
