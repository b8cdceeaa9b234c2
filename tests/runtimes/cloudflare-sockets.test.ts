/**
 * createCloudflareTcpFactory inside workerd (the npm `workerd` binary): a
 * Worker bundled from the sources with `connect` imported from
 * `cloudflare:sockets` opens a plain TCP connection to the test server on
 * loopback through a `Transport` (intermediate framing), sends an
 * unencrypted req_pq_multi and reads the resPQ that answers it — the
 * first step of the key exchange (https://core.telegram.org/mtproto/auth_key),
 * so bytes go both ways through workerd's socket API. One line per run.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestServer } from '../../ts/testing/index.js';
import { startServer } from '../testing/server-harness.js';
import { bin, root, run } from './_package.js';

const WORKER = `import { connect } from 'cloudflare:sockets';
import { createCloudflareTcpFactory } from ${JSON.stringify(path.join(root, 'ts/platform/cloudflare-sockets.ts'))};
import { Transport } from ${JSON.stringify(path.join(root, 'ts/transport/transport.ts'))};

export default {
  async fetch(request) {
    const port = Number(new URL(request.url).searchParams.get('port'));
    const nonce = crypto.getRandomValues(new Uint8Array(16));
    const packet = new Uint8Array(40);
    const view = new DataView(packet.buffer);
    view.setBigUint64(8, BigInt(Math.floor(Date.now() / 1000)) << 32n, true); // msg_id
    view.setUint32(16, 20, true); // message_data_length
    view.setUint32(20, 0xbe7e8ef1, true); // req_pq_multi
    packet.set(nonce, 24);
    const transport = new Transport({ sockets: createCloudflareTcpFactory({ connect }), codec: 'intermediate' });
    try {
      const answer = new Promise((resolve, reject) => {
        transport.on('packet', resolve);
        transport.on('error', reject);
        setTimeout(() => reject(new Error('no answer in 10 s')), 10000);
      });
      await transport.connect('127.0.0.1', port);
      transport.send(packet);
      const res = await answer;
      const v = new DataView(res.buffer, res.byteOffset, res.byteLength);
      const sameNonce = res.subarray(24, 40).every((b, i) => b === nonce[i]);
      return Response.json({ ok: true, authKeyId: String(v.getBigUint64(0, true)), ctor: v.getUint32(20, true), sameNonce, length: res.length });
    } catch (e) {
      return Response.json({ ok: false, error: String(e && e.stack || e) });
    } finally {
      transport.close();
    }
  },
};
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let server: TestServer;
let dir: string;
test.before(async () => {
  server = await startServer({ dcs: [2], websocket: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-cf-sockets-'));
});
test.after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('workerd: cloudflare:sockets connect() → Transport → req_pq_multi answered with resPQ by the test server', async () => {
  fs.writeFileSync(path.join(dir, 'entry.mjs'), WORKER);
  await build({
    absWorkingDir: dir,
    entryPoints: ['entry.mjs'],
    bundle: true,
    platform: 'browser',
    conditions: ['workerd', 'worker'],
    format: 'esm',
    external: ['cloudflare:sockets'],
    outfile: path.join(dir, 'worker.js'),
    logLevel: 'silent',
  });
  const code = fs.readFileSync(path.join(dir, 'worker.js'), 'utf8');
  assert.not.match(code, /from ["']node:/, 'no node: imports in the Worker');
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .mainWorker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const mainWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-06-01",
  globalOutbound = "loopback",
);
`,
  );
  const stop = new AbortController();
  const workerd = run(bin('workerd'), ['serve', 'config.capnp'], { cwd: dir, timeoutMs: 60_000, signal: stop.signal });
  let exited: string | undefined;
  workerd.then(
    (r) => (exited = `workerd exited ${r.code}: ${r.stderr}`),
    (e) => (exited = String(e)),
  );
  try {
    const deadline = Date.now() + 45_000;
    let body: { ok: boolean; error?: string; authKeyId?: string; ctor?: number; sameNonce?: boolean } | undefined;
    while (!body) {
      if (exited) throw new Error(exited);
      if (Date.now() > deadline) throw new Error('workerd did not answer within 45 s');
      const res = await fetch(`http://127.0.0.1:${port}/?port=${server.dc(2).port}`, { signal: AbortSignal.timeout(15_000) }).catch(
        () => undefined,
      );
      if (!res) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      body = JSON.parse(await res.text());
    }
    assert.ok(body.ok, body.error);
    assert.is(body.authKeyId, '0');
    assert.is(body.ctor, 0x05162463, 'resPQ');
    assert.ok(body.sameNonce, 'resPQ carries our nonce');
    console.log('  workerd: cloudflare:sockets TCP to the test server ok (req_pq_multi → resPQ)');
  } finally {
    stop.abort();
    await workerd.catch(() => undefined);
  }
});

test.run();
