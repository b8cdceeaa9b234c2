/**
 * Serverless in workerd (issue 14): the invocation of
 * examples/serverless/worker.ts (its answer.ts and config.ts, plus Date.now()
 * stamps), bundled against the built package (dist/, as a Worker project
 * imports it: the `workerd` condition, WASM as Worker modules, TCP through
 * cloudflare:sockets), served by the npm `workerd` on loopback, with its
 * session in libSQL over HTTP (the Hrana double of tests/storage/_hrana.ts)
 * and the test server as Telegram. Every invocation answers one message sent
 * just before it. Cold: a fresh workerd per invocation, timed from the
 * request (workerd already listening) to the answer; warm: invocations one
 * after another in one isolate. The phase table says where the time goes:
 * each libSQL HTTP request and answer and each MTProto message is stamped at
 * the (Node) servers, the Worker's own steps by its clock, all relative to
 * the request sent to the Worker.
 *
 *   npm run build && node --import tsx bench/serverless/workerd.ts [--cold=N] [--rounds=N] [--trace] [--disk] [--package=DIR]
 *
 * `--package=DIR`: measure another built checkout (and its examples) instead of this one.
 * `--disk`: the double's database in the temp dir instead of /dev/shm (its
 * fsyncs, 10-30 ms a write on this shared disk, then count). Writes nothing;
 * wall-clock times on a shared machine: compare runs made at the same load.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TelegramClient } from '../../ts/client/index.js';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { ScriptedWorld, TestServer } from '../../ts/testing/index.js';
import type { TraceRecord } from '../../ts/testing/trace/trace-record.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { HRANA_TOKEN, startHranaServer } from '../../tests/storage/_hrana.js';
import { serveWorker } from '../../tests/runtimes/_web.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// --package=DIR: another checkout (built) to measure, its examples/serverless with it (a before/after in one sitting).
const pkg = path.resolve(process.argv.find((a) => a.startsWith('--package='))?.slice(10) ?? root);
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 6);
const coldRounds = Number(process.argv.find((a) => a.startsWith('--cold='))?.slice(7) ?? 5);
const printAll = process.argv.includes('--trace');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One stamped event of an invocation. */
interface Stamp {
  at: number;
  what: string;
}
let events: Stamp[] = [];
let t0 = 0;
// Date.now(): the Worker's stamps (its own Date.now()) go on the same axis.
const stamp = (what: string, at = Date.now()) => events.push({ at: at - t0, what });

if (!fs.existsSync(path.join(pkg, 'dist', 'index.js'))) throw new Error('build first: npm run build');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-workerd-bench-'));
// A consumer project: wasmgram (this repository's dist through its exports map) and @libsql/client linked in.
fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
fs.mkdirSync(path.join(dir, 'node_modules'));
fs.symlinkSync(pkg, path.join(dir, 'node_modules', 'wasmgram'), 'dir');
fs.symlinkSync(path.join(root, 'node_modules', '@libsql'), path.join(dir, 'node_modules', '@libsql'), 'dir');
fs.mkdirSync(path.join(dir, 'serverless'));
for (const f of fs.readdirSync(path.join(pkg, 'examples', 'serverless'))) {
  const text = fs
    .readFileSync(path.join(pkg, 'examples', 'serverless', f), 'utf8')
    .replace(/'\.\.\/\.\.\/ts\/index\.js'/g, "'wasmgram'")
    .replace(/'\.\.\/\.\.\/ts\/storage\/libsql\.js'/g, "'wasmgram/storage/libsql'")
    .replace(/'\.\.\/\.\.\/ts\/(\w+)\/index\.js'/g, "'wasmgram/$1'");
  fs.writeFileSync(path.join(dir, 'serverless', f), text);
}

// The phases inside the Worker: the same invocation as worker.ts, stamped with Date.now() (workerd's clock
// moves during CPU work when run locally; outside a request it reads 0, so module evaluation is timed apart).
fs.writeFileSync(
  path.join(dir, 'serverless', 'phases.ts'),
  `import { TelegramClient } from 'wasmgram';
import { LibsqlStorage } from 'wasmgram/storage/libsql';
import { answer } from './answer.js';
import { clientOptions } from './config.js';
export default {
  async fetch(_request, env) {
    const t = { start: Date.now() };
    const storage = new LibsqlStorage({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
    const options = await clientOptions(env, storage);
    t.options = Date.now();
    const client = new TelegramClient(options);
    t.client = Date.now();
    const r = await client.runOnce(async (u) => { await answer(u); t.answered ??= Date.now(); }, { budgetMs: 20000 });
    t.runOnce = Date.now();
    await storage.close();
    t.closed = Date.now();
    return Response.json({ status: r.status, handled: r.handled, more: r.more, t });
  },
};
`,
);
// Baselines for the cold isolate: a Worker that answers at once (workerd's own start), and one that also
// evaluates the same bundle (wasmgram + @libsql/client imported, nothing run).
// (serveWorker wants a .wasm module in every bundle: the empty one carries the 2 KB TL core.)
fs.writeFileSync(
  path.join(dir, 'serverless', 'empty.ts'),
  "import tl from '../node_modules/wasmgram/dist/wasm/tl-plain.wasm';\nexport default { fetch: () => Response.json({ ok: tl instanceof WebAssembly.Module }) };\n",
);
fs.writeFileSync(
  path.join(dir, 'serverless', 'imports.ts'),
  `import { TelegramClient } from 'wasmgram';
import { LibsqlStorage } from 'wasmgram/storage/libsql';
import { clientOptions } from './config.js';
export default { fetch: () => Response.json({ ok: [TelegramClient, LibsqlStorage, clientOptions].every((f) => typeof f === 'function') }) };
`,
);

/**
 * CPU time (ms, every thread) of the workerd serving `entry` from `dir`: the
 * process is found by its working directory (serveWorker runs it in the
 * bundle's folder) and read from /proc (Linux; undefined elsewhere).
 */
function workerdCpuMs(entry: string): number | undefined {
  const out = path.join(dir, `worker-${path.basename(entry).replace(/\.\w+$/, '')}`);
  try {
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cwd: string;
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        continue;
      }
      if (cwd !== out || !fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('workerd')) continue;
      let ns = 0;
      for (const task of fs.readdirSync(`/proc/${pid}/task`))
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      return ns / 1e6;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** First-request time (and workerd CPU time over it) of a Worker from `entry`, medians of `n` fresh workerd processes. */
async function firstRequest(entry: string, n: number): Promise<{ ms: number; cpuMs: number | undefined }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = await serveWorker(dir, entry, 60_000);
    try {
      await w.listening();
      const c0 = workerdCpuMs(entry);
      ms.push((await w.getJson('/')).ms);
      const c1 = workerdCpuMs(entry);
      if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0);
    } finally {
      await w.stop();
    }
  }
  return { ms: median(ms), cpuMs: cpu.length ? median(cpu) : undefined };
}

const crypto = await createCryptoProvider();
const trace = (r: TraceRecord) => {
  if (r.dir === 'note') stamp(`mtproto ${r.event}${r.detail ? ` (${r.detail})` : ''} conn ${r.conn}`);
  else stamp(`mtproto ${r.dir === 'in' ? '→' : '←'} ${r.name}`);
};
const server = await TestServer.start({ dcs: [2], crypto, trace });
const world = new ScriptedWorld(server.backend);
// The double's database on tmpfs where there is one: its fsyncs on a shared disk (10-30 ms a write here) are not the client's time.
const dbDir = fs.existsSync('/dev/shm') && !process.argv.includes('--disk') ? fs.mkdtempSync('/dev/shm/wasmgram-hrana-') : dir;
const hrana = await startHranaServer(path.join(dbDir, 'session.sqlite'));
hrana.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
  res.on('finish', () => stamp('libsql HTTP   answered'));
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    try {
      const parsed = JSON.parse(body) as { requests: { type: string; stmt?: { sql?: string }; batch?: { steps: unknown[] } }[] };
      const what = parsed.requests
        .filter((r) => r.type !== 'close')
        .map((r) =>
          r.type === 'execute'
            ? (r.stmt?.sql ?? '').replace(/\s+/g, ' ').slice(0, 60)
            : `${r.type}${r.batch ? `(${r.batch.steps.length})` : ''}`,
        )
        .join('; ');
      stamp(`libsql HTTP ${what}`);
    } catch {
      stamp('libsql HTTP ?');
    }
  });
});
let worker: Awaited<ReturnType<typeof serveWorker>> | undefined;
try {
  const { token, user: bot } = world.bot({ username: 'workerd_bench_bot', dcId: 2 });
  const alice = world.user({ firstName: 'Alice', dcId: 2 });
  const storage = new LibsqlStorage({ url: hrana.url, authToken: HRANA_TOKEN });
  const login = new TelegramClient({
    apiId: 12345,
    apiHash: '0123456789abcdef',
    testServer: server,
    storage,
    crypto,
    sockets: createNodeTcpFactory(),
  });
  await login.start({ botToken: token });
  await login.runOnce(() => {}, { catchUp: false });
  await storage.close();
  const dc = server.dcs[0]!;
  const bindings = {
    API_ID: '12345',
    API_HASH: '0123456789abcdef',
    LIBSQL_URL: hrana.url,
    LIBSQL_AUTH_TOKEN: HRANA_TOKEN,
    // wsPort for checkouts whose Worker used WebSocket (the runtime suite proves TCP by leaving it out).
    WASMGRAM_TEST_SERVER: JSON.stringify({
      dcs: [{ id: dc.id, host: dc.host, port: dc.port, wsPort: dc.wsPort }],
      pem: server.publicKeyPem,
    }),
  };
  const names: Record<string, string> = {
    start: 'Worker: fetch handler called',
    options: 'Worker: client options ready (crypto provider, RSA key)',
    client: 'Worker: TelegramClient constructed',
    answered: 'Worker: reply sent (sendMessage resolved)',
    runOnce: 'Worker: runOnce returned (committed, closed, lease released)',
    closed: 'Worker: storage closed',
  };
  type Run = { ms: number; cpuMs: number | undefined; events: Stamp[] };
  let sent = 0;
  /** One invocation that answers one message, with its stamps. */
  const invoke = async (w: NonNullable<typeof worker>): Promise<Run> => {
    const text = `round ${sent++}`;
    await alice.sendMessage(bot, text);
    events = [];
    const cpu0 = workerdCpuMs('serverless/phases.ts');
    t0 = Date.now();
    const { body } = await w.getJson('/');
    const ms = Date.now() - t0;
    const cpu1 = workerdCpuMs('serverless/phases.ts');
    const cpuMs = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
    stamp('response');
    const b = body as { handled?: number; t: Record<string, number> };
    if (b.handled !== 1) throw new Error(`${text}: ${JSON.stringify(body)}`);
    for (const [k, v] of Object.entries(b.t)) stamp(names[k] ?? k, v);
    events.sort((x, y) => x.at - y.at);
    await alice.waitForMessage({ from: bot, text: `you said: ${text}`, timeoutMs: 5000 });
    return { ms, cpuMs, events };
  };
  const show = (title: string, r: Run) => {
    console.log(`\n${title}: ${r.ms.toFixed(1)} ms${r.cpuMs === undefined ? '' : ` (workerd CPU ${r.cpuMs.toFixed(1)} ms)`}`);
    let last = 0;
    for (const e of r.events) {
      console.log(`  ${e.at.toFixed(1).padStart(7)} ms  (+${(e.at - last).toFixed(1).padStart(6)})  ${e.what}`);
      last = e.at;
    }
  };
  const count = (r: Run, prefix: string) => r.events.filter((e) => e.what.startsWith(prefix) && !e.what.includes('answered')).length;

  // Cold: a fresh workerd per invocation (listening first, so only the Worker's time counts).
  const cold: Run[] = [];
  for (let i = 0; i < coldRounds; i++) {
    worker = await serveWorker(dir, 'serverless/phases.ts', 90_000, bindings);
    await worker.listening();
    cold.push(await invoke(worker));
    await worker.stop();
    worker = undefined;
  }
  // Warm: one isolate, invocation after invocation.
  worker = await serveWorker(dir, 'serverless/phases.ts', 90_000, bindings);
  await worker.listening();
  const warm: Run[] = [];
  for (let i = 0; i < rounds; i++) warm.push(await invoke(worker));
  await worker.stop();
  worker = undefined;
  const empty = await firstRequest('serverless/empty.ts', 3);
  const imports = await firstRequest('serverless/imports.ts', 3);

  console.log(`load avg ${os.loadavg()[0]!.toFixed(2)}`);
  const coldMedian = median(cold.map((r) => r.ms));
  show(
    'a cold invocation (fresh workerd, the one nearest the median)',
    cold.reduce((a, b) => (Math.abs(b.ms - coldMedian) < Math.abs(a.ms - coldMedian) ? b : a)),
  );
  show('the last warm invocation', warm[warm.length - 1]!);
  if (printAll) for (const [i, r] of [...cold, ...warm].entries()) show(`invocation ${i}`, r);
  const fmt = (r: { ms: number; cpuMs: number | undefined }) =>
    `${r.ms} ms${r.cpuMs === undefined ? '' : ` (CPU ${r.cpuMs.toFixed(1)} ms)`}`;
  console.log(
    `\nfirst request of a fresh workerd (median of 3): an empty Worker ${fmt(empty)}; one that evaluates the bundle ${fmt(imports)}`,
  );
  const cpu = (runs: Run[]) => {
    const xs = runs.map((r) => r.cpuMs).filter((x): x is number => x !== undefined);
    return xs.length ? ` (workerd CPU median ${median(xs).toFixed(1)} ms)` : '';
  };
  console.log(
    `cold invocation (fresh workerd → answer): median ${coldMedian.toFixed(0)} ms${cpu(cold)} of ${cold.length} [${cold.map((r) => r.ms).join(', ')}]; ` +
      `warm: median ${median(warm.slice(1).map((r) => r.ms)).toFixed(0)} ms of ${warm.length - 1}${cpu(warm.slice(1))}; ` +
      `${count(warm[0]!, 'libsql')} libSQL requests and ${count(warm[0]!, 'mtproto →')} MTProto messages per invocation`,
  );
} finally {
  await worker?.stop();
  world.close();
  await hrana.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(dbDir, { recursive: true, force: true });
}
