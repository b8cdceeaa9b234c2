/**
 * Cold start split into phases (issue 11): where the time goes between
 * `import('wasmgram/client')` and the first answer of a stored session.
 * Fresh Node processes (the built package, dist/) against one test server
 * process; each row is the median of `--rounds` processes after a warm-up,
 * wall and CPU time (CPU is what to compare on a loaded machine).
 *
 *   npm run build && node --import tsx bench/client/cold-phases.ts [--rounds=7] [--kinds=import,string,file] [--prof=DIR]
 *     [--entry=wasmgram/client|wasmgram] [--roots=DIR,DIR] [--node-args="--max-semi-space-size=8"]
 *
 * `--entry` picks the module the child imports `TelegramClient` from (the
 * root entry `wasmgram` is the lean one). `--roots` times builds side by
 * side in one run, rounds interleaved (an A/B of two checkouts: each DIR
 * holds a package.json, its dist/ and bench/client/child-phases.mjs; the
 * test server comes from this checkout).
 *
 * `--prof=DIR` also writes one V8 CPU profile per child (100 µs sampling)
 * and prints where the samples fell (bench/client/cpuprofile.ts), so a
 * regression can be pinned to a chunk or a function.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStringSession } from '../../ts/storage/import-session.js';
import { encodeSessionFile } from '../../ts/storage/snapshot-codec.js';
import { median } from '../lib/stats.js';
import { serverInfoToJson, startServerProcess } from '../mtproto/server.js';
import { summarizeProfiles } from './cpuprofile.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const rounds = Number(arg('rounds') ?? 7);
const kinds = (arg('kinds') ?? 'import,string,file').split(',');
const profDir = arg('prof') ? path.resolve(arg('prof')!) : undefined;
const entry = arg('entry') ?? 'wasmgram/client';
const roots = (arg('roots') ?? root).split(',').map((r) => path.resolve(r));
// --node-args="--trace-gc --max-semi-space-size=8": more node flags for every timed child (an experiment's knob).
const nodeArgs = (arg('node-args') ?? '').split(' ').filter(Boolean);

type Phase = [name: string, wallMs: number, cpuMs: number];

function run(
  script: string,
  argv: string[],
  job: object,
  nodeArgs: string[] = [],
  at = root,
): Promise<{ phases?: Phase[]; [k: string]: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(at, 'bench/client', script), ...argv], {
      cwd: at,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.stderr.on('data', (b: Buffer) => (err += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`${script} ${argv.join(' ')}: exit ${code}: ${err.trim().slice(-800)}`));
      else resolve(JSON.parse(line));
    });
    child.stdin.end(JSON.stringify(job));
  });
}

for (const r of roots)
  if (!fs.existsSync(path.join(r, 'dist/client.js'))) throw new Error(`run \`npm run build\` first: the phases are timed on ${r}/dist/`);
const server = await startServerProcess([2]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-phases-'));
try {
  const info = serverInfoToJson(server);
  const login = await run('child-wasmgram.mjs', ['login'], { server: info, phone: '9996621234' });
  const session = String(login.session);
  const file = path.join(dir, 'stored.session');
  fs.writeFileSync(file, encodeSessionFile(readStringSession(session).snapshot));
  const job = { server: info, session, file, entry };
  const results = new Map<string, Phase[][]>();
  const label = (r: string, kind: string) => (roots.length > 1 ? `${r} · ${kind}` : kind);
  for (let round = -1; round < rounds; round++) {
    for (const kind of kinds) {
      for (const r of roots) {
        const key = label(r, kind);
        const dir = profDir && path.join(profDir, key.replace(/[^\w.-]+/g, '_'));
        const prof = dir && round >= 0 ? ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir] : [];
        const out = await run('child-phases.mjs', [kind], job, [...nodeArgs, ...prof], r);
        if (round >= 0) results.set(key, [...(results.get(key) ?? []), out.phases!]);
      }
    }
  }
  console.log(
    `cold start phases: median of ${rounds} fresh processes · load avg ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(`entry: ${entry}`);
  for (const [key, runs] of results) {
    const kind = key.split(' · ').pop()!;
    const where = roots.length > 1 ? `${key.slice(0, -kind.length - 3)}: ` : '';
    console.log(`\n${where}${kind === 'import' ? 'import only' : `stored session (${kind})`}:`);
    console.log('  phase                              wall ms   CPU ms');
    runs[0]!.forEach(([name], i) => {
      const wall = median(runs.map((r) => r[i]![1]));
      const cpu = median(runs.map((r) => r[i]![2]));
      console.log(`  ${name.padEnd(32)} ${wall.toFixed(1).padStart(8)} ${cpu.toFixed(1).padStart(8)}`);
    });
    if (profDir) console.log(summarizeProfiles(path.join(profDir, key.replace(/[^\w.-]+/g, '_'))));
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
