/**
 * Serverless in workerd (issue 14): examples/serverless/worker.ts, bundled
 * against the built package (dist/, as a Worker project imports it: the
 * `workerd` condition, WASM as Worker modules), served by the npm `workerd`
 * on loopback, with its session in libSQL over HTTP (the Hrana double of
 * tests/storage/_hrana.ts) and the test server as Telegram. Each round sends
 * one message to the bot, then asks the Worker to run one invocation; the
 * first round is the isolate's cold start. A phase table says where the time
 * of an invocation goes: every libSQL HTTP request and every MTProto message
 * is stamped on arrival at the (Node) servers, relative to the request sent
 * to the Worker.
 *
 *   npm run build && node --import tsx bench/serverless/workerd.ts [--rounds=N] [--trace] [--disk]
 *
 * `--disk`: the double's database in the temp dir instead of /dev/shm (its fsyncs then count).
 *
 * Writes nothing; prints the phases of the first and a later invocation and
 * the medians. Timings are wall-clock on a shared machine: compare runs made
 * in the same load, and read the phase list rather than one figure.
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
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 6);
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

if (!fs.existsSync(path.join(root, 'dist', 'index.js'))) throw new Error('build first: npm run build');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-workerd-bench-'));
// A consumer project: wasmgram (this repository's dist through its exports map) and @libsql/client linked in.
fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
fs.mkdirSync(path.join(dir, 'node_modules'));
fs.symlinkSync(root, path.join(dir, 'node_modules', 'wasmgram'), 'dir');
fs.symlinkSync(path.join(root, 'node_modules', '@libsql'), path.join(dir, 'node_modules', '@libsql'), 'dir');
fs.mkdirSync(path.join(dir, 'serverless'));
for (const f of fs.readdirSync(path.join(root, 'examples', 'serverless'))) {
  const text = fs
    .readFileSync(path.join(root, 'examples', 'serverless', f), 'utf8')
    .replace(/'\.\.\/\.\.\/ts\/index\.js'/g, "'wasmgram'")
    .replace(/'\.\.\/\.\.\/ts\/storage\/libsql\.js'/g, "'wasmgram/storage/libsql'")
    .replace(/'\.\.\/\.\.\/ts\/(\w+)\/index\.js'/g, "'wasmgram/$1'");
  fs.writeFileSync(path.join(dir, 'serverless', f), text);
}

// The phases inside the Worker: the same invocation as worker.ts, stamped with Date.now() (workerd's clock
// moves during CPU work when run locally). t0.js is the first module the bundle evaluates.
fs.writeFileSync(path.join(dir, 'serverless', 't0.js'), 'globalThis.__wgT0 = Date.now();\n');
fs.writeFileSync(
  path.join(dir, 'serverless', 'phases.ts'),
  `import './t0.js';
import { TelegramClient } from 'wasmgram';
import { LibsqlStorage } from 'wasmgram/storage/libsql';
import { answer } from './answer.js';
import { clientOptions } from './config.js';
const evaluated = Date.now();
let first = true;
export default {
  async fetch(_request, env) {
    const t = { start: Date.now() };
    if (first) Object.assign(t, { moduleStart: globalThis.__wgT0, moduleEvaluated: evaluated });
    first = false;
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
  const tStart = performance.now();
  worker = await serveWorker(dir, 'serverless/phases.ts', 90_000, {
    API_ID: '12345',
    API_HASH: '0123456789abcdef',
    LIBSQL_URL: hrana.url,
    LIBSQL_AUTH_TOKEN: HRANA_TOKEN,
    WASMGRAM_TEST_SERVER: JSON.stringify({
      dcs: [{ id: dc.id, host: dc.host, port: dc.port, wsPort: dc.wsPort }],
      pem: server.publicKeyPem,
    }),
  });
  const bundled = performance.now() - tStart;
  const runs: { ms: number; events: Stamp[]; body: unknown }[] = [];
  for (let i = 0; i < rounds; i++) {
    await alice.sendMessage(bot, `round ${i}`);
    events = [];
    t0 = Date.now();
    const { body } = await worker.getJson('/');
    const ms = Date.now() - t0;
    stamp('response');
    const b = body as { handled?: number; t: Record<string, number> };
    if (b.handled !== 1) throw new Error(`round ${i}: ${JSON.stringify(body)}`);
    const names: Record<string, string> = {
      moduleStart: 'Worker: bundle evaluation starts (isolate up)',
      moduleEvaluated: 'Worker: bundle evaluated',
      start: 'Worker: fetch handler called',
      options: 'Worker: client options ready (crypto provider, RSA key)',
      client: 'Worker: TelegramClient constructed',
      answered: 'Worker: reply sent (sendMessage resolved)',
      runOnce: 'Worker: runOnce returned (committed, closed, lease released)',
      closed: 'Worker: storage closed',
    };
    for (const [k, v] of Object.entries(b.t)) stamp(names[k] ?? k, v);
    events.sort((x, y) => x.at - y.at);
    await alice.waitForMessage({ from: bot, text: `you said: round ${i}`, timeoutMs: 5000 });
    runs.push({ ms, events, body });
  }
  const show = (title: string, r: (typeof runs)[number]) => {
    console.log(`\n${title}: ${r.ms.toFixed(1)} ms`);
    let last = 0;
    for (const e of r.events) {
      console.log(`  ${e.at.toFixed(1).padStart(7)} ms  (+${(e.at - last).toFixed(1).padStart(6)})  ${e.what}`);
      last = e.at;
    }
  };
  console.log(`bundle + workerd start (till the first answer is asked): ${bundled.toFixed(0)} ms; load avg ${os.loadavg()[0]!.toFixed(2)}`);
  show('first invocation (cold isolate)', runs[0]!);
  if (runs.length > 1) show('last invocation (warm isolate)', runs[runs.length - 1]!);
  if (printAll) for (const [i, r] of runs.entries()) show(`invocation ${i}`, r);
  const warm = runs.slice(1).map((r) => r.ms);
  const libsqlRequests = (r: (typeof runs)[number]) =>
    r.events.filter((e) => e.what.startsWith('libsql') && !e.what.includes('answered')).length;
  const mtprotoIn = (r: (typeof runs)[number]) => r.events.filter((e) => e.what.startsWith('mtproto →')).length;
  console.log(
    `\nfirst ${runs[0]!.ms.toFixed(1)} ms (${libsqlRequests(runs[0]!)} libSQL requests, ${mtprotoIn(runs[0]!)} MTProto messages in); ` +
      (warm.length ? `warm median ${median(warm).toFixed(1)} ms of ${warm.length} (${libsqlRequests(runs[1]!)} libSQL requests)` : ''),
  );
} finally {
  await worker?.stop();
  world.close();
  await hrana.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(dbDir, { recursive: true, force: true });
}
