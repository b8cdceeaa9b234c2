// One cold start split into phases, in a fresh process, from the built package
// (dist/ through the package name). Run by cold-phases.ts; see bench/client/README.md.
//   argv: storage kind — string | file | import (import only, no connection)
//   stdin: JSON job { server, session, file, entry? } — entry: the module that gives
//   TelegramClient ('wasmgram/client' by default; 'wasmgram' is the lean root entry)
//   stdout: one JSON line { phases: [[name, wallMs, cpuMs], ...] } — each phase's
//   cost, the first row is the import of wasmgram/client, the last the total
import { readFileSync } from 'node:fs';

const kind = process.argv[2];
const job = JSON.parse(readFileSync(0, 'utf8'));
const marks = [];
const t0 = performance.now();
const c0 = process.cpuUsage();
let tPrev = t0;
let cPrev = 0;
const mark = (name) => {
  const t = performance.now();
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  marks.push([name, t - tPrev, cpu - cPrev]);
  tPrev = t;
  cPrev = cpu;
};

const entry = job.entry ?? 'wasmgram/client';
const lib = await import(entry);
const { TelegramClient } = lib;
mark(`import ${entry}`);
if (kind !== 'import') {
  let storage = job.file;
  if (kind === 'string') {
    // The root entry has StringStorage itself; the others take it from wasmgram/storage.
    const { StringStorage } = lib.StringStorage ? lib : await import('wasmgram/storage');
    storage = new StringStorage(job.session);
    if (!lib.StringStorage) mark('import wasmgram/storage');
  }
  const client = new TelegramClient({
    apiId: 1,
    apiHash: 'bench',
    storage,
    updates: false,
    testServer: {
      dcs: job.server.dcs.map((d) => ({ id: d.id, host: d.host, port: d.port })),
      rsaPublicKey: {
        n: BigInt(`0x${job.server.rsa.n}`),
        e: BigInt(`0x${job.server.rsa.e}`),
        fingerprint: BigInt(`0x${job.server.rsa.fingerprint}`),
      },
    },
  });
  mark('new TelegramClient');
  const config = await client.invoke({ _: 'help.getConfig' });
  if (config._ !== 'config') throw new Error(`help.getConfig answered ${config._}`);
  mark('first answer (help.getConfig)');
  await client.close();
  mark('close');
}
const total = marks.reduce((a, m) => [a[0] + m[1], a[1] + m[2]], [0, 0]);
const answer = marks.slice(0, kind === 'import' ? 1 : -1).reduce((a, m) => [a[0] + m[1], a[1] + m[2]], [0, 0]);
marks.push(['import → answer', ...answer], ['total', ...total]);
process.stdout.write(`${JSON.stringify({ phases: marks, sinceProcessStart: performance.now() })}\n`);
process.exit(0);
