/**
 * The `client` suite (issue 11): wasmgram's `TelegramClient` against mtcute
 * and GramJS, side by side in one run against one test server (a child
 * process, DC 2, TCP), every client in fresh processes of its own:
 *
 * - `cold-start`: a script that opens a *stored* session and gets its first
 *   answer — the serverless case. Timed inside the child from just before the
 *   library's import to the first answer (`import → answer`), and from the
 *   parent from spawn to that answer (`spawn → answer`, which adds Node's own
 *   start). wasmgram: `dist/` through the package name, `StringStorage`,
 *   `help.getConfig`. GramJS: its `StringSession`; `connect()` resolves on the
 *   `help.getConfig` it sends itself.
 * - `login`: a new client to signed in (key exchange, auth.sendCode,
 *   auth.signIn, auth.signUp for the new number), a new test number each run.
 * - `idle-memory`: a signed-in client opened from its stored session, left
 *   idle (60 s; 3 s with --quick), then `gc()` and `process.memoryUsage()`.
 *   All clients idle at the same time, next to empty Node processes.
 * - `storage`: the 10 000-peer save/load per backend, from the `storage`
 *   suite's last published result (bench/results/storage.json).
 *
 * Results: bench/results/client.{md,json}. See bench/client/README.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownTable, ms } from '../lib/format.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { median } from '../lib/stats.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareMeasurements, type Measurement, type SuiteReport } from '../lib/summary.js';
import { type BenchServer, serverInfoToJson, startServerProcess } from '../mtproto/server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export const OPS = ['login', 'cold-start', 'idle-memory', 'storage'] as const;

interface Plan {
  logins: number;
  cold: number;
  idleMs: number;
}
const FULL: Plan = { logins: 5, cold: 15, idleMs: 60_000 };
const QUICK: Plan = { logins: 1, cold: 2, idleMs: 2_000 };

/** How a library's child process is started. */
interface Peer {
  name: string;
  /** node arguments before the mode. */
  args: string[];
  /** Why it cannot take part in a row (keyed by op). */
  unavailable: Partial<Record<(typeof OPS)[number], string>>;
}

const TSX = ['--import', 'tsx'];
const PEERS: Peer[] = [
  { name: 'wasmgram', args: [path.join(here, 'child-wasmgram.mjs')], unavailable: {} },
  {
    name: 'mtcute',
    args: [...TSX, path.join(here, 'child-mtcute.ts')],
    unavailable: {},
  },
  { name: 'gramjs', args: [path.join(here, 'child-gramjs.cjs')], unavailable: {} },
];
/**
 * mtcute's cold start: plain JavaScript, @mtcute/core's `TelegramClient` with
 * the Node pieces of mtcute-node.ts (what @mtcute/node gives, which needs a
 * native better-sqlite3 build), compiled by {@link buildMtcuteGlue}.
 */
const MTCUTE_COLD: Peer = { name: 'mtcute', args: [path.join(here, 'child-mtcute-cold.mjs')], unavailable: {} };

/** Compiles mtcute-node.ts to plain JavaScript in bench/scratch/ (@mtcute/* and @fuman/* stay imports from node_modules); returns its URL. */
async function buildMtcuteGlue(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(root, 'bench/scratch/mtcute-node.mjs');
  await build({
    entryPoints: [path.join(here, 'mtcute-node.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    external: ['@mtcute/*', '@fuman/*'],
    logLevel: 'warning',
  });
  return pathToFileURL(outfile).href;
}

const BASELINES: Peer[] = [
  { name: 'node (empty)', args: [path.join(here, 'child-baseline.mjs')], unavailable: {} },
  { name: 'node + tsx (empty)', args: [...TSX, path.join(here, 'child-baseline.mjs')], unavailable: {} },
];

interface ChildResult {
  ms: number;
  wallMs: number;
  [k: string]: unknown;
}

/** Runs one child: `job` on stdin, one JSON line back; killed past `deadlineMs`. */
function runChild(peer: Peer, mode: string, job: object, deadlineMs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // --expose-gc only where the child calls gc() (idle memory): with it, Node 20 takes ~6 ms longer to a
    // stored session's first answer (bench/client/cold-phases.ts --node-args=--expose-gc), which timed every
    // library's cold start slower than a user's process runs.
    const gcFlag = mode === 'idle' ? ['--expose-gc'] : [];
    const child: ChildProcess = spawn(process.execPath, [...gcFlag, ...peer.args, mode], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let wallMs: number | undefined;
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      wallMs ??= performance.now() - t0;
    });
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) {
        reject(
          new Error(
            `${peer.name} ${mode}: exit ${signal ?? code}${signal === 'SIGKILL' ? ` (over ${deadlineMs} ms)` : ''}: ${err.trim().slice(-600)}`,
          ),
        );
        return;
      }
      resolve({ ...(JSON.parse(line) as { ms: number }), wallMs: wallMs ?? performance.now() - t0 });
    });
    child.stdin!.end(JSON.stringify(job));
  });
}

interface Row {
  op: (typeof OPS)[number];
  impl: string;
  /** Median values; undefined with `unavailable`. */
  values?: Record<string, number>;
  runs?: number;
  unavailable?: string;
}

async function measure(server: BenchServer, plan: Plan, ops: readonly string[], log: (s: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const job = { server: serverInfoToJson(server), idleMs: plan.idleMs };
  const sessions = new Map<string, string>();
  let phoneSeq = 0;
  const phone = (i: number) => `99966${2}${String(i).padStart(4, '0')}`;

  // Logins first: they also make the stored sessions the other rows open.
  for (const peer of PEERS) {
    const times: number[] = [];
    const n = ops.includes('login') ? plan.logins : peer.name === 'mtcute' ? 0 : 1;
    try {
      for (let i = 0; i < n; i++) {
        const r = await runChild(peer, 'login', { ...job, phone: phone(++phoneSeq) }, 60_000);
        times.push(r.ms);
        if (typeof r.session === 'string') sessions.set(peer.name, r.session);
      }
      if (ops.includes('login') && times.length) {
        rows.push({ op: 'login', impl: peer.name, values: { ms: median(times) }, runs: times.length });
        log(`login ${peer.name}: ${ms(median(times))} (${times.length} runs)`);
      }
    } catch (e) {
      if (ops.includes('login')) rows.push({ op: 'login', impl: peer.name, unavailable: firstLine(e) });
      log(`login ${peer.name}: failed: ${firstLine(e)}`);
    }
  }

  if (ops.includes('cold-start')) {
    const cold = new Map<string, { ms: number[]; wall: number[]; cpu: number[] }>();
    const failed = new Map<string, string>();
    // mtcute's stored session: signed in by its plain-JavaScript child (its login row is timed by child-mtcute.ts).
    let glue: string | undefined;
    try {
      glue = await buildMtcuteGlue();
      const r = await runChild(MTCUTE_COLD, 'login', { ...job, phone: phone(++phoneSeq), glue }, 60_000);
      sessions.set('mtcute', String(r.session));
    } catch (e) {
      failed.set('mtcute', firstLine(e));
      log(`cold-start mtcute: no stored session: ${firstLine(e)}`);
    }
    const runners = [
      ...PEERS.filter((p) => !p.unavailable['cold-start'] && sessions.has(p.name)).map((p) => (p.name === 'mtcute' ? MTCUTE_COLD : p)),
      BASELINES[0]!,
    ];
    // One warm-up round (disk cache), then interleaved rounds.
    for (let round = -1; round < plan.cold; round++) {
      for (const peer of runners) {
        if (failed.has(peer.name)) continue;
        try {
          const r = await runChild(peer, 'cold', { ...job, session: sessions.get(peer.name), glue }, 30_000);
          if (round < 0) continue;
          const c = cold.get(peer.name) ?? { ms: [], wall: [], cpu: [] };
          c.ms.push(r.ms);
          c.wall.push(r.wallMs);
          c.cpu.push(Number(r.cpuMs ?? 0));
          cold.set(peer.name, c);
        } catch (e) {
          failed.set(peer.name, firstLine(e));
        }
      }
    }
    for (const peer of [...PEERS, BASELINES[0]!]) {
      const c = cold.get(peer.name);
      const why =
        peer.unavailable['cold-start'] ??
        failed.get(peer.name) ??
        (sessions.has(peer.name) || peer === BASELINES[0] ? undefined : 'no stored session (its login failed)');
      if (c && !why) {
        rows.push({
          op: 'cold-start',
          impl: peer.name,
          values: { ms: median(c.ms), wallMs: median(c.wall), cpuMs: median(c.cpu) },
          runs: c.ms.length,
        });
        log(`cold-start ${peer.name}: import → answer ${ms(median(c.ms))}, spawn → answer ${ms(median(c.wall))}`);
      } else rows.push({ op: 'cold-start', impl: peer.name, unavailable: why ?? 'no result' });
    }
  }

  if (ops.includes('idle-memory')) {
    log(`idle-memory: every client idles ${plan.idleMs / 1000} s at once...`);
    const runners = [...PEERS, ...BASELINES];
    const results = await Promise.allSettled(
      runners.map((peer) => {
        if (peer.name !== 'mtcute' && !peer.name.startsWith('node') && !sessions.has(peer.name)) {
          return Promise.reject(new Error('no stored session (its login failed)'));
        }
        const extra = peer.name === 'mtcute' ? { phone: phone(++phoneSeq) } : { session: sessions.get(peer.name) };
        return runChild(peer, 'idle', { ...job, ...extra }, plan.idleMs + 60_000);
      }),
    );
    runners.forEach((peer, i) => {
      const r = results[i]!;
      if (r.status === 'fulfilled') {
        const v = r.value as ChildResult & { heapUsed: number; rss: number; external: number };
        rows.push({
          op: 'idle-memory',
          impl: peer.name,
          values: { heapMiB: v.heapUsed / 2 ** 20, rssMiB: v.rss / 2 ** 20, externalMiB: v.external / 2 ** 20 },
          runs: 1,
        });
        log(`idle-memory ${peer.name}: heap ${(v.heapUsed / 2 ** 20).toFixed(1)} MiB, RSS ${(v.rss / 2 ** 20).toFixed(1)} MiB`);
      } else rows.push({ op: 'idle-memory', impl: peer.name, unavailable: firstLine(r.reason) });
    });
  }
  return rows;
}

/** The rows of the clients (not the empty-process baselines) as summary measurements, all lower-is-better. */
function summaryMeasurements(rows: readonly Row[]): Measurement[] {
  const out: Measurement[] = [];
  const names = new Set(PEERS.map((p) => p.name));
  for (const r of rows) {
    if (!r.values || !names.has(r.impl)) continue;
    const add = (name: string, value: number | undefined) => {
      if (value !== undefined) out.push({ case: name, impl: r.impl, value, higherIsBetter: false });
    };
    if (r.op === 'cold-start') {
      add('cold-start wall', r.values.ms);
      add('cold-start CPU', r.values.cpuMs);
    } else if (r.op === 'login') add('login', r.values.ms);
    else if (r.op === 'idle-memory') {
      add('idle heap', r.values.heapMiB);
      add('idle RSS', r.values.rssMiB);
    }
  }
  return out;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}

/** The storage suite's last published 10 000-peer rows, or a note saying how to make them. */
function storageRows(): { note: string; table: string } {
  const file = path.join(root, 'bench/results/storage.json');
  if (!existsSync(file)) return { note: 'no bench/results/storage.json yet: run `npm run bench -- storage`', table: '' };
  const j = JSON.parse(readFileSync(file, 'utf8')) as {
    machine: { date: string };
    peers: number;
    rows: { backend: string; op: string; medianMs: number; bytes?: number }[];
  };
  const backends = [...new Set(j.rows.map((r) => r.backend))];
  const cell = (b: string, op: string) => {
    const r = j.rows.find((x) => x.backend === b && x.op === op);
    return r ? ms(r.medianMs) : '—';
  };
  const table = markdownTable(
    ['backend (wasmgram)', 'save', 'load'],
    backends.map((b) => [b, cell(b, 'save'), cell(b, 'load')]),
    ['left', 'right', 'right'],
  );
  return {
    note: `${j.peers} cached peers, from the \`storage\` suite's run of ${j.machine.date} (bench/results/storage.md; mtcute and GramJS keep no comparable stores, see there)`,
    table,
  };
}

/** Ratio cell: how many times better wasmgram is (peer ÷ wasmgram, lower-is-better values). */
function ratioCell(peerValue: number | undefined, ours: number | undefined): string {
  if (peerValue === undefined || ours === undefined || ours <= 0) return '';
  return `${(peerValue / ours).toFixed(2)}×`;
}

function report(rows: Row[], plan: Plan, machine: string, server: BenchServer): string {
  const get = (op: string, impl: string) => rows.find((r) => r.op === op && r.impl === impl);
  const lines: string[] = ['# Client: cold start from a stored session, login, idle memory', '', machine, ''];
  const peers = PEERS.map((p) => p.name);
  const cold = rows.filter((r) => r.op === 'cold-start');
  if (cold.length) {
    const ours = get('cold-start', 'wasmgram')?.values;
    lines.push(`## Cold start: stored session → first answer (median of ${plan.cold} fresh processes)`, '');
    lines.push(
      markdownTable(
        ['client', 'import → answer', 'its CPU time', 'spawn → answer', 'wasmgram ahead by (wall / CPU)'],
        cold.map((r) =>
          r.values
            ? [
                r.impl,
                ms(r.values.ms!),
                ms(r.values.cpuMs!),
                ms(r.values.wallMs!),
                r.impl === 'wasmgram' || r.impl.startsWith('node')
                  ? ''
                  : `${ratioCell(r.values.ms, ours?.ms)} / ${ratioCell(r.values.cpuMs, ours?.cpuMs)}`,
              ]
            : [r.impl, 'n/a', 'n/a', 'n/a', r.unavailable ?? ''],
        ),
        ['left', 'right', 'right', 'right', 'left'],
      ),
      '',
      '`its CPU time`: user + system CPU of the child (all its threads) from just before the import to the answer — steadier than wall time on a busy machine. `node (empty)`: a Node process that loads nothing — the floor under `spawn → answer`.',
      '',
    );
  }
  const login = rows.filter((r) => r.op === 'login');
  if (login.length) {
    const ours = get('login', 'wasmgram')?.values?.ms;
    lines.push(`## Login: new client → signed in (phone + code, new number; median of ${plan.logins})`, '');
    lines.push(
      markdownTable(
        ['client', 'login', 'wasmgram ahead by'],
        login.map((r) =>
          r.values
            ? [r.impl, ms(r.values.ms!), r.impl === 'wasmgram' ? '' : ratioCell(r.values.ms, ours)]
            : [r.impl, 'n/a', r.unavailable ?? ''],
        ),
        ['left', 'right', 'left'],
      ),
      '',
    );
  }
  const idle = rows.filter((r) => r.op === 'idle-memory');
  if (idle.length) {
    const ours = get('idle-memory', 'wasmgram')?.values;
    lines.push(`## Idle signed-in client after ${plan.idleMs / 1000} s (after gc())`, '');
    const mib = (v: number) => `${v.toFixed(1)} MiB`;
    lines.push(
      markdownTable(
        ['process', 'heap used', 'RSS', 'external + ArrayBuffers', 'wasmgram ahead by (heap / RSS)'],
        idle.map((r) =>
          r.values
            ? [
                r.impl,
                mib(r.values.heapMiB!),
                mib(r.values.rssMiB!),
                mib(r.values.externalMiB!),
                peers.includes(r.impl) && r.impl !== 'wasmgram'
                  ? `${ratioCell(r.values.heapMiB, ours?.heapMiB)} / ${ratioCell(r.values.rssMiB, ours?.rssMiB)}`
                  : '',
              ]
            : [r.impl, 'n/a', 'n/a', 'n/a', r.unavailable ?? ''],
        ),
        ['left', 'right', 'right', 'right', 'left'],
      ),
      '',
      'mtcute runs under tsx (its Node pieces are TypeScript in bench/mtproto/mtcute.ts): compare it with `node + tsx (empty)`.',
      '',
    );
  }
  const storage = storageRows();
  lines.push('## Session save/load per backend', '', storage.note, '');
  if (storage.table) lines.push(storage.table, '');
  const distBuilt = existsSync(path.join(root, 'dist/client.js'))
    ? statSync(path.join(root, 'dist/client.js')).mtime.toISOString()
    : 'missing';
  lines.push(
    '## How',
    '',
    `- One test server in a child process (DC 2, TCP, crypto engine ${server.engine}); every client in fresh Node processes (\`--expose-gc\`).`,
    `- wasmgram: the built package (\`dist/\`, built ${distBuilt}) through its own name, \`TelegramClient\` with \`StringStorage\` and \`updates: false\`; its first answer is \`help.getConfig\` (sent inside \`invokeWithLayer(initConnection(...))\`).`,
    "- GramJS: `telegram` with `StringSession`; the connection class fills in the server's address (GramJS's Node client dials port 80) and the server's RSA key is added to its table; `connect()` resolves on the `help.getConfig` it sends.",
    "- mtcute: login and idle memory: `MtClient` from @mtcute/core with the Node pieces of bench/mtproto/mtcute.ts, raw auth.sendCode / auth.signIn / auth.signUp (in-memory storage), under tsx. Cold start: plain JavaScript (child-mtcute-cold.mjs), @mtcute/core's `TelegramClient` with the pieces @mtcute/node would give (bench/client/mtcute-node.ts compiled by esbuild: node:crypto + @mtcute/wasm crypto, a node:net connection, a silent platform; @mtcute/node itself needs a native better-sqlite3 build) and `MemoryStorage`, the stored session imported with `importSession`; its first answer is `help.getConfig`.",
    '- Logins use a new test number each (99966 2 XXXX, code 22222), so each includes auth.signUp.',
  );
  return `${lines.join('\n')}\n`;
}

export const suite: Suite = {
  name: 'client',
  description: 'TelegramClient vs mtcute and GramJS: cold start from a stored session, login, idle memory (fresh processes)',
  ops: OPS,
  async run(options: BenchOptions): Promise<SuiteReport> {
    if (options.sizes) throw new Error('the client suite takes no --sizes');
    if (!existsSync(path.join(root, 'dist/client.js'))) {
      // Not a failure of the suite: the package is not built in this checkout (a fresh clone, CI's smoke run).
      console.log('client suite: skipped — it loads wasmgram from dist/ as users get it: run `npm run build` first');
      return { suite: 'client', rows: [], note: 'skipped: dist/ not built (npm run build)' };
    }
    const plan = options.quick ? QUICK : FULL;
    const ops = options.ops ?? OPS;
    const machine = describeMachine(machineInfo());
    console.log(`client suite (${options.quick ? 'quick' : 'full'}): ${ops.join(', ')}`);
    const server = await startServerProcess([2]);
    let rows: Row[];
    try {
      rows = await measure(server, plan, ops, (s) => console.log(`  ${s}`));
    } finally {
      await server.stop();
    }
    const md = report(rows, plan, machine, server);
    console.log(`\n${md}`);
    if (options.write) {
      writeFileSync(path.join(options.resultsDir, 'client.md'), md);
      writeFileSync(path.join(options.resultsDir, 'client.json'), `${JSON.stringify({ machine, plan, rows }, null, 2)}\n`);
      console.log(`wrote ${path.join(options.resultsDir, 'client.{md,json}')}`);
    }
    return {
      suite: 'client',
      rows: compareMeasurements(summaryMeasurements(rows)),
      note: 'times and memory: lower is better, ratio = peer ÷ wasmgram',
    };
  },
};
