/**
 * Serverless cold start (issue 14): a fresh Node process with a stored
 * session in a libSQL `file:` database runs `client.runOnce` on a message
 * that arrived while it was off; timed from just before the import of
 * `wasmgram` (the built package, dist/) to the first answer sent (the
 * reply's RPC resolved), with its CPU time and process start → answer.
 * 10 fresh processes after a warm-up, median. The peers (GramJS; mtcute
 * where it can run) and their stored-session cold start come from
 * bench/results/client.json (the `client` suite measures them: not repeated here).
 *
 *   npm run build && node --import tsx bench/serverless/cold-start.ts [--rounds=N]
 *
 * Writes bench/results/serverless-cold-start.{md,json}. workerd's figure is
 * printed by the runtime suite (`npm run test:runtimes`, line `workerd serverless:`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TelegramClient } from '../../ts/client/index.js';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { ScriptedWorld, TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const hex = (n: bigint) => n.toString(16);

interface ChildOut {
  ms: number;
  cpuMs: number;
  at: number;
  handled: number;
  status: string;
}

function child(env: Record<string, string>): Promise<ChildOut & { wall: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [path.join(root, 'bench/serverless/child-node.mjs')], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => c.kill('SIGKILL'), 60_000);
    c.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      const r = JSON.parse(out.trim().split('\n').pop()!) as ChildOut;
      resolve({ ...r, wall: r.at - t0 });
    });
  });
}

const crypto = await createCryptoProvider();
const server = await TestServer.start({ dcs: [2], crypto });
const world = new ScriptedWorld(server.backend);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-cold-'));
try {
  const { token, user: bot } = world.bot({ username: 'cold_start_bot', dcId: 2 });
  const alice = world.user({ dcId: 2 });
  const url = `file:${path.join(dir, 'bot.db')}`;
  const storage = new LibsqlStorage({ url });
  const login = new TelegramClient({ apiId: 1, apiHash: 'bench', storage, testServer: server, crypto, sockets: createNodeTcpFactory() });
  await login.start({ botToken: token });
  await login.runOnce(() => {}, { catchUp: false });
  await storage.close();
  const dc = server.dcs[0]!;
  const k = server.rsaPublicKey;
  const env = {
    LIBSQL_URL: url,
    TARGET: JSON.stringify({
      dcs: [{ id: dc.id, host: dc.host, port: dc.port }],
      rsa: { n: hex(k.n), e: hex(k.e), fingerprint: hex(BigInt.asUintN(64, k.fingerprint)) },
    }),
  };
  const rows: (ChildOut & { wall: number })[] = [];
  for (let i = -1; i < rounds; i++) {
    await alice.sendMessage(bot, `round ${i}`);
    const r = await child(env);
    if (r.handled !== 1) throw new Error(`round ${i}: handled ${r.handled}`);
    if (i >= 0) rows.push(r);
  }
  const m = {
    importToAnswer: median(rows.map((r) => r.ms)),
    cpu: median(rows.map((r) => r.cpuMs)),
    spawnToAnswer: median(rows.map((r) => r.wall)),
  };
  const load = os.loadavg()[0]!.toFixed(2);
  const clientJson = JSON.parse(fs.readFileSync(path.join(root, 'bench/results/client.json'), 'utf8')) as { machine?: unknown };
  const clientDate = /\d{4}-\d\d-\d\d/.exec(JSON.stringify(clientJson.machine ?? ''))?.[0] ?? 'earlier run';
  const peerRows = extractColdStart(JSON.parse(fs.readFileSync(path.join(root, 'bench/results/client.json'), 'utf8')));
  const md = [
    '# Serverless cold start: stored session → first answer',
    '',
    `${os.cpus()[0]?.model ?? 'cpu'} · ${os.cpus().length} cores · Node ${process.version} · ${new Date().toISOString()} · load avg ${load}`,
    '',
    `| runtime / client | what | import → first answer | its CPU time | spawn → answer |`,
    '|---|---|--:|--:|--:|',
    `| wasmgram, Node (this run, median of ${rows.length} fresh processes) | libSQL file: session, runOnce: getDifference, reply to the message | ${m.importToAnswer.toFixed(0)} ms | ${m.cpu.toFixed(0)} ms | ${m.spawnToAnswer.toFixed(0)} ms |`,
    ...peerRows.map(
      (p) => `| ${p.impl}, Node (bench/results/client.md, ${clientDate}) | string session, first answer = help.getConfig | ${p.text} |`,
    ),
    '',
    'Targets (issue 14): ≤ 30 ms on Node, ≤ 50 ms in workerd. The workerd figure comes from the runtime suite (`workerd serverless:` line).',
  ].join('\n');
  fs.writeFileSync(path.join(root, 'bench/results/serverless-cold-start.md'), `${md}\n`);
  fs.writeFileSync(
    path.join(root, 'bench/results/serverless-cold-start.json'),
    `${JSON.stringify({ date: new Date().toISOString(), load: Number(load), rounds: rows.length, median: m, runs: rows }, null, 2)}\n`,
  );
  console.log(md);
} finally {
  world.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The cold-start rows of the client suite's last result, as table cells. */
function extractColdStart(json: unknown): { impl: string; text: string }[] {
  const rows = (json as { rows?: { op: string; impl: string; values?: Record<string, number>; unavailable?: string }[] }).rows ?? [];
  return rows
    .filter((r) => r.op === 'cold-start' && r.impl !== 'wasmgram' && !r.impl.startsWith('node'))
    .map((r) => ({
      impl: r.impl,
      text: r.values
        ? [r.values.ms, r.values.cpuMs, r.values.wallMs].map((v) => `${(v ?? 0).toFixed(0)} ms`).join(' | ')
        : `n/a (${r.unavailable}) | | `,
    }));
}
