/**
 * The runtime suite (issue 14): the packed package, installed into a scratch
 * project, runs the same checks — crypto vectors, TL fixed bytes and a round
 * trip, the auth key exchange + help.getConfig against the test server on
 * 127.0.0.1 — in Node ESM, Node CJS, Deno, Bun, Chromium (headless, page
 * bundled by a plain `esbuild --platform=browser`) and workerd (bundled with
 * the workerd/worker conditions, WASM as .wasm modules). TCP in Node, Deno
 * and Bun; WebSocket in Chromium; in workerd both: the default sockets
 * (TCP through cloudflare:sockets) and WebSocket. A runtime that cannot be
 * started is a failure, not a skip. Prints one line per runtime, and the
 * size-budget table (build/size-budget.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { checksCjs, checksEsm } from './_checks.js';
import { bin, packAndInstall, root, run, runOk, type ScratchPackage } from './_package.js';
import { pageMjs, runCjs, runMjs, workerMjs } from './_runners.js';
import { runChromium, runWorkerd, serveWorker } from './_web.js';
import { TelegramClient } from '../../ts/client/index.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { ScriptedWorld } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { HRANA_TOKEN, startHranaServer } from '../storage/_hrana.js';
import { checkTypeScriptConsumers } from './_typescript.js';

interface Ctx {
  pkg: ScratchPackage;
  server: TestServer;
  opts: { host: string; port: number; wsPort: number; pem: string };
}

const test = suite<Ctx>('runtimes', {} as Ctx);
const RUNTIME_TIMEOUT = 90_000;

test.before(async (ctx) => {
  ctx.pkg = await packAndInstall();
  const dir = ctx.pkg.dir;
  for (const [file, text] of Object.entries({
    'checks.mjs': checksEsm,
    'checks.cjs': checksCjs,
    'run.mjs': runMjs,
    'run.cjs': runCjs,
    'page.mjs': pageMjs,
    'worker.mjs': workerMjs,
  })) {
    fs.writeFileSync(path.join(dir, file), text);
  }
  ctx.server = await TestServer.start({ dcs: [2], crypto: await createCryptoProvider(), onError: (e) => console.error('server bug:', e) });
  const dc = ctx.server.dcs[0]!;
  ctx.opts = { host: '127.0.0.1', port: dc.port, wsPort: dc.wsPort!, pem: ctx.server.publicKeyPem };
});

test.after(async (ctx) => {
  await ctx.server?.stop();
  if (ctx.pkg) fs.rmSync(path.dirname(ctx.pkg.dir), { recursive: true, force: true });
});

function report(runtime: string, out: Record<string, string>, ms: number): void {
  assert.is(out.tl, 'ok');
  assert.is(out.getConfig, 'this_dc=2');
  assert.is(out.signIn, 'ok');
  assert.is(out.roundTrip, 'ok');
  console.log(
    `runtime ${runtime}: ok — crypto ${out.engine}, TL, key exchange + help.getConfig (${out.getConfig}), sign-in, Saved Messages round trip, session ${out.storage} restored, in ${ms} ms`,
  );
}

/** A new test number per runtime (DC 2: code 22222), so each signs up and in on its own account. */
const PHONES: Record<string, string> = {
  'Node ESM': '9996620101',
  'Node CJS': '9996620102',
  Deno: '9996620103',
  Bun: '9996620104',
  chromium: '9996620105',
  workerd: '9996620106',
  'workerd TCP': '9996620107',
};

function parseResult(stdout: string): Record<string, string> {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT line in:\n${stdout}`);
  return JSON.parse(line.slice(7));
}

test('package: publint and @arethetypeswrong/cli (node16) pass on the tarball; installed with dependencies ≤ 5 MB', async (ctx) => {
  await runOk(bin('publint'), ['run', ctx.pkg.tarball, '--strict'], { cwd: root, timeoutMs: 60_000 });
  // wasmgram/testing (the test server) ships as ESM only: no require condition to check.
  await runOk(bin('attw'), [ctx.pkg.tarball, '--profile', 'node16', '--format', 'ascii', '--exclude-entrypoints', './testing'], {
    cwd: root,
    timeoutMs: 120_000,
  });
  const mb = ctx.pkg.installedBytes / 1e6;
  console.log(`package: publint ok, attw ok, installed ${mb.toFixed(2)} MB with dependencies`);
  assert.ok(mb <= 5, `installed size ${mb} MB`);
});

const nodeLike: [string, () => [string, string[]]][] = [
  ['Node ESM', () => [process.execPath, ['run.mjs']]],
  ['Node CJS', () => [process.execPath, ['run.cjs']]],
  ['Deno', () => [bin('deno'), ['run', '-A', 'run.mjs']]],
  ['Bun', () => [bin('bun'), ['run.mjs']]],
];
for (const [name, cmd] of nodeLike) {
  test(`${name}: the packed package passes the checks over TCP`, async (ctx) => {
    const [exe, args] = cmd();
    const sessionFile = path.join(ctx.pkg.dir, `${name.replace(/\W+/g, '-')}.session`);
    const env = { WG_OPTS: JSON.stringify({ ...ctx.opts, runtime: name, phone: PHONES[name], sessionFile }), DENO_NO_UPDATE_CHECK: '1' };
    const r = await run(exe, args, { cwd: ctx.pkg.dir, env, timeoutMs: RUNTIME_TIMEOUT });
    assert.is(r.code, 0, `${name} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
    report(name, parseResult(r.stdout), r.ms);
  });
}

test('Chromium (headless): a plain esbuild --platform=browser bundle passes the checks over WebSocket', async (ctx) => {
  const r = await runChromium(ctx.pkg.dir, { ...ctx.opts, runtime: 'chromium', websocket: true, phone: PHONES.chromium }, RUNTIME_TIMEOUT);
  report('Chromium', r.out, r.ms);
});

// The checks' sockets are createDefaultSocketFactory() at the DC's TCP port: a WebSocket default would send an
// HTTP upgrade there, which the test server refuses — so passing means the default is TCP (cloudflare:sockets).
test('workerd: a bundle with the workerd/worker conditions passes the checks over the default sockets: TCP (cloudflare:sockets)', async (ctx) => {
  const r = await runWorkerd(ctx.pkg.dir, { ...ctx.opts, runtime: 'workerd TCP', phone: PHONES['workerd TCP'] }, RUNTIME_TIMEOUT);
  report('workerd (default sockets: TCP, cloudflare:sockets)', r.out, r.ms);
});

test('workerd: a bundle with the workerd/worker conditions passes the checks over WebSocket', async (ctx) => {
  const r = await runWorkerd(ctx.pkg.dir, { ...ctx.opts, runtime: 'workerd', websocket: true, phone: PHONES.workerd }, RUNTIME_TIMEOUT);
  report('workerd', r.out, r.ms);
});

/** Copies examples/serverless into the consumer with its imports pointed at the installed package, as a user's project has them. */
function copyServerlessExample(dir: string): void {
  const from = path.join(root, 'examples', 'serverless');
  const to = path.join(dir, 'serverless');
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) {
    const text = fs
      .readFileSync(path.join(from, f), 'utf8')
      .replace(/'\.\.\/\.\.\/ts\/index\.js'/g, "'wasmgram'")
      .replace(/'\.\.\/\.\.\/ts\/storage\/libsql\.js'/g, "'wasmgram/storage/libsql'")
      .replace(/'\.\.\/\.\.\/ts\/(\w+)\/index\.js'/g, "'wasmgram/$1'");
    if (text.includes('../../ts/')) throw new Error(`examples/serverless/${f}: an import the suite does not map to the package`);
    fs.writeFileSync(path.join(to, f), text);
  }
  // @libsql/client is an optional peer dependency: a Worker project installs it; here the repository's copy is linked.
  const link = path.join(dir, 'node_modules', '@libsql');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(root, 'node_modules', '@libsql'), link, 'dir');
}

test('workerd: examples/serverless/worker.ts answers a message sent while it was off, once (session in libSQL over HTTP)', async (ctx) => {
  copyServerlessExample(ctx.pkg.dir);
  const hrana = await startHranaServer(path.join(path.dirname(ctx.pkg.dir), 'worker-session.sqlite'));
  const world = new ScriptedWorld(ctx.server.backend);
  const { token, user: bot } = world.bot({ username: 'worker_example_bot', dcId: 2 });
  const alice = world.user({ firstName: 'Alice', dcId: 2 });
  const dc = ctx.server.dcs[0]!;
  try {
    // The first deploy (login.ts does this on Node): sign in into the remote session and store the starting update state.
    const storage = new LibsqlStorage({ url: hrana.url, authToken: HRANA_TOKEN });
    const login = new TelegramClient({
      apiId: 12345,
      apiHash: '0123456789abcdef',
      testServer: ctx.server,
      storage,
      crypto: await createCryptoProvider(),
      sockets: createNodeTcpFactory(),
    });
    await login.start({ botToken: token });
    await login.runOnce(() => {}, { catchUp: false });
    await storage.close();
    await alice.sendMessage(bot, 'ping from the cron');
    const t0 = Date.now();
    const worker = await serveWorker(ctx.pkg.dir, 'serverless/worker.ts', RUNTIME_TIMEOUT, {
      API_ID: '12345',
      API_HASH: '0123456789abcdef',
      LIBSQL_URL: hrana.url,
      LIBSQL_AUTH_TOKEN: HRANA_TOKEN,
      // No wsPort: the Worker can only reach the DC over TCP, so an answer means the default sockets are cloudflare:sockets.
      WASMGRAM_TEST_SERVER: JSON.stringify({ dcs: [{ id: dc.id, host: dc.host, port: dc.port }], pem: ctx.server.publicKeyPem }),
    });
    try {
      const first = await worker.getJson('/');
      const spawnToAnswer = Date.now() - t0;
      assert.equal(first.body, { status: 'done', handled: 1, more: false });
      await alice.waitForMessage({ from: bot, text: 'you said: ping from the cron', timeoutMs: 5000 });
      const second = await worker.getJson('/');
      assert.equal(second.body, { status: 'done', handled: 0, more: false });
      assert.is(alice.history(bot).filter((m) => m.text === 'you said: ping from the cron').length, 1, 'answered exactly once');
      console.log(
        `workerd serverless: ok — worker.ts over TCP (cloudflare:sockets, the default), session in libSQL over HTTP; first invocation ${first.ms} ms (bundle + workerd start → answer ${spawnToAnswer} ms), second (nothing to do) ${second.ms} ms`,
      );
    } finally {
      await worker.stop();
    }
  } finally {
    world.close();
    await hrana.close();
  }
});

test('size budgets: the browser and Worker bundles of key exchange + getConfig (gzip, WASM included) are smaller than mtcute core', async (ctx) => {
  interface Row {
    name: string;
    total: number;
  }
  const script = path.join(root, 'build', 'size-budget.mjs');
  const budget = (await import(script)) as { measureBudgets(dir: string): Promise<Row[]>; formatBudgets(rows: Row[]): string };
  const rows = await budget.measureBudgets(ctx.pkg.dir);
  console.log(`size budgets:\n${budget.formatBudgets(rows)}`);
  const mtcute = rows.find((r) => r.name.startsWith('mtcute'))!;
  for (const r of rows.filter((x) => x.name.startsWith('wasmgram')))
    assert.ok(r.total < mtcute.total, `${r.name}: ${r.total} >= mtcute ${mtcute.total}`);
});

test('TypeScript consumers (bundler, node16 ESM, node16 CJS) type-check with declaration: true', async (ctx) => {
  const lines = await checkTypeScriptConsumers(ctx.pkg.dir);
  console.log(`typescript: ${lines.join(', ')}`);
});

test.run();
