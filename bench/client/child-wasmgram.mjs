// One wasmgram client in a fresh process, loaded from the built package
// (dist/, through the package's own name) so nothing is transpiled on the
// way. Plain JavaScript on purpose: see bench/client/README.md.
//   argv: mode (login | cold | idle), then a JSON job on stdin
//   stdout: one JSON line with the result
import { readFileSync } from 'node:fs';

const mode = process.argv[2];
const job = JSON.parse(readFileSync(0, 'utf8'));
const target = () => ({
  dcs: job.server.dcs.map((d) => ({ id: d.id, host: d.host, port: d.port })),
  rsaPublicKey: {
    n: BigInt(`0x${job.server.rsa.n}`),
    e: BigInt(`0x${job.server.rsa.e}`),
    fingerprint: BigInt(`0x${job.server.rsa.fingerprint}`),
  },
});
const options = (storage) => ({ apiId: 1, apiHash: 'bench', testServer: target(), storage, updates: false });
const out = (v) => process.stdout.write(`${JSON.stringify(v)}\n`);

if (mode === 'login') {
  const { TelegramClient } = await import('wasmgram/client');
  const { MemoryStorage, exportStringSession } = await import('wasmgram/storage');
  const storage = new MemoryStorage();
  const t0 = performance.now();
  const client = new TelegramClient(options(storage));
  const me = await client.start({ phone: job.phone, code: '22222', firstName: 'Bench' });
  const ms = performance.now() - t0;
  await client.close();
  out({ ms, userId: String(me.id), session: exportStringSession(await storage.snapshot()) });
} else {
  // cold and idle: import → stored session opened → first answer, through the root entry
  // (`import { TelegramClient, StringStorage } from 'wasmgram'`, the lean one: no method code loads).
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { TelegramClient, StringStorage } = await import('wasmgram');
  const client = new TelegramClient(options(new StringStorage(job.session)));
  const config = await client.invoke({ _: 'help.getConfig' });
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const cpuMs = (c1.user + c1.system) / 1000;
  if (config._ !== 'config') throw new Error(`help.getConfig answered ${config._}`);
  if (mode === 'idle') {
    await new Promise((r) => setTimeout(r, job.idleMs));
    globalThis.gc?.();
    const m = process.memoryUsage();
    out({ ms, heapUsed: m.heapUsed, rss: m.rss, external: m.external + m.arrayBuffers });
  } else out({ ms, cpuMs, sinceProcessStart: performance.now() });
  await client.close();
}
process.exit(0);
