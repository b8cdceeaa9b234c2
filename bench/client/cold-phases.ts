/**
 * Cold start split into phases (issue 11): where the time goes between
 * `import('wasmgram/client')` and the first answer of a stored session.
 * Fresh Node processes (the built package, dist/) against one test server
 * process; each row is the median of `--rounds` processes after a warm-up,
 * wall and CPU time (CPU is what to compare on a loaded machine).
 *
 *   npm run build && node --import tsx bench/client/cold-phases.ts [--rounds=7] [--kinds=import,string,file] [--prof=DIR]
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

type Phase = [name: string, wallMs: number, cpuMs: number];

function run(script: string, argv: string[], job: object, nodeArgs: string[] = []): Promise<{ phases?: Phase[]; [k: string]: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(here, script), ...argv], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
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

if (!fs.existsSync(path.join(root, 'dist/client.js'))) throw new Error('run `npm run build` first: the phases are timed on dist/');
const server = await startServerProcess([2]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-phases-'));
try {
  const info = serverInfoToJson(server);
  const login = await run('child-wasmgram.mjs', ['login'], { server: info, phone: '9996621234' });
  const session = String(login.session);
  const file = path.join(dir, 'stored.session');
  fs.writeFileSync(file, encodeSessionFile(readStringSession(session).snapshot));
  const job = { server: info, session, file };
  const results = new Map<string, Phase[][]>();
  for (let round = -1; round < rounds; round++) {
    for (const kind of kinds) {
      const prof = profDir && round >= 0 ? ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', path.join(profDir, kind)] : [];
      const r = await run('child-phases.mjs', [kind], job, prof);
      if (round >= 0) results.set(kind, [...(results.get(kind) ?? []), r.phases!]);
    }
  }
  console.log(
    `cold start phases: median of ${rounds} fresh processes · load avg ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  for (const [kind, runs] of results) {
    console.log(`\n${kind === 'import' ? 'import only' : `stored session (${kind})`}:`);
    console.log('  phase                              wall ms   CPU ms');
    runs[0]!.forEach(([name], i) => {
      const wall = median(runs.map((r) => r[i]![1]));
      const cpu = median(runs.map((r) => r[i]![2]));
      console.log(`  ${name.padEnd(32)} ${wall.toFixed(1).padStart(8)} ${cpu.toFixed(1).padStart(8)}`);
    });
    if (profDir) console.log(summarizeProfiles(path.join(profDir, kind)));
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
