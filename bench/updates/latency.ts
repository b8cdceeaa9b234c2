/**
 * Push → handler latency: the test server (its own process,
 * bench/updates/push-server.ts) pushes new messages to a signed-in account
 * at a fixed rate (default 10 000/s); each carries its send time, and the
 * client's handler records `now − sent` on arrival. Target: p99 ≤ 5 ms at
 * 10 000 updates/s.
 *
 * - wasmgram: TelegramClient → updates runner (message box, at-least-once
 *   commits) → a client dispatcher with a `command('start')` handler first
 *   (the filter runs on every update) and the recording handler.
 * - mtcute (@mtcute/core 0.30, through tests/testing/_mtcute.ts: its own
 *   transport and crypto): its updates manager → `client.onNewMessage`.
 *   `@mtcute/dispatcher` is not in the loop: its newest release (0.27.9)
 *   depends on `@mtcute/core ^0.27.9`, which excludes the 0.30 core this
 *   repository uses (a second core would be installed, and its
 *   `Dispatcher.for(client)` expects that core's client); see the report.
 *
 * The two clients run one after the other against the same server process,
 * each signed in as its own account (DC 2 test numbers).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mtcuteClient } from '../../tests/testing/_mtcute.js';
import { TelegramClient } from '../../ts/client/index.js';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { command, dispatcherFor } from '../../ts/dispatcher/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import type { TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'push-server.ts');
const nowMs = () => performance.timeOrigin + performance.now();

/** Latency percentiles of one run (ms). */
export interface LatencyResult {
  name: string;
  perSecond: number;
  total: number;
  received: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Rate the server actually achieved. */
  pushedPerSecond: number;
  /** This process's CPU time (user + system) per update over the measured run, µs: robust on a loaded machine. */
  cpuUsPerUpdate: number;
}

interface PushServer {
  dcs: { id: number; host: string; port: number }[];
  rsaPublicKey: { n: bigint; e: bigint; fingerprint: bigint };
  publicKeyPem: string;
  push(phone: string, perSecond: number, total: number): Promise<{ pushed: number; ms: number }>;
  stop(): Promise<void>;
}

const PHONES = { wasmgram: '9996627101', mtcute: '9996627102' } as const;

async function startPushServer(): Promise<PushServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...Object.values(PHONES)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((v: Record<string, unknown>) => void)[] = [];
  let buf = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
    }
  });
  const next = () => new Promise<Record<string, unknown>>((r) => waiting.push(r));
  const ready = (await next()) as { dcs: PushServer['dcs']; rsa: { n: string; e: string; fingerprint: string }; publicKeyPem: string };
  const big = (h: string) => BigInt(`0x${h}`);
  return {
    dcs: ready.dcs,
    rsaPublicKey: { n: big(ready.rsa.n), e: big(ready.rsa.e), fingerprint: big(ready.rsa.fingerprint) },
    publicKeyPem: ready.publicKeyPem,
    async push(phone, perSecond, total) {
      const p = next();
      child.stdin.write(`push ${phone} ${perSecond} ${total}\n`);
      const r = await p;
      if (typeof r.error === 'string') throw new Error(r.error);
      return r as { pushed: number; ms: number };
    },
    async stop() {
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.stdin.end('stop\n');
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      await done;
      clearTimeout(t);
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Pushes `total` at `perSecond`, waits (bounded) for the handler to see them, and summarizes. */
async function measure(
  name: string,
  server: PushServer,
  phone: string,
  perSecond: number,
  total: number,
  lat: number[],
): Promise<LatencyResult> {
  // Warm-up: a short burst at the same rate, not counted.
  const warm = Math.min(2000, total / 5);
  await server.push(phone, perSecond, warm);
  const warmEnd = Date.now() + 10_000;
  while (lat.length < warm && Date.now() < warmEnd) await new Promise((r) => setTimeout(r, 5));
  lat.length = 0;
  const cpu0 = process.cpuUsage();
  const r = await server.push(phone, perSecond, total);
  const end = Date.now() + 20_000;
  while (lat.length < total && Date.now() < end) await new Promise((r2) => setTimeout(r2, 5));
  const cpu = process.cpuUsage(cpu0);
  const sorted = [...lat].sort((a, b) => a - b);
  return {
    name,
    perSecond,
    total,
    received: lat.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    pushedPerSecond: (r.pushed / r.ms) * 1000,
    cpuUsPerUpdate: (cpu.user + cpu.system) / Math.max(1, lat.length),
  };
}

async function wasmgramRun(server: PushServer, perSecond: number, total: number): Promise<LatencyResult> {
  const phone = PHONES.wasmgram;
  const client = new TelegramClient({
    apiId: 12345,
    apiHash: '0123456789abcdef0123456789abcdef',
    testServer: server,
    testMode: true,
    crypto: await createCryptoProvider(),
    sockets: createNodeTcpFactory(),
    storage: new MemoryStorage(),
    connection: { connectTimeoutMs: 10_000, requestTimeoutMs: 30_000 },
  });
  try {
    await client.start({ phone, code: '22222' });
    const lat: number[] = [];
    const dp = dispatcherFor(client);
    dp.onNewMessage(command('start'), () => {});
    dp.onNewMessage((m) => {
      lat.push(nowMs() - Number(m.text));
    });
    await client.updatesIdle();
    return await measure('wasmgram', server, phone, perSecond, total, lat);
  } finally {
    await client.close();
  }
}

async function mtcuteRun(server: PushServer, perSecond: number, total: number): Promise<LatencyResult> {
  const phone = PHONES.mtcute;
  const target = { publicKeyPem: server.publicKeyPem, dc: (id: number) => server.dcs.find((d) => d.id === id)! } as unknown as TestServer;
  const tg = await mtcuteClient(target, 2);
  try {
    await tg.start({ phone, code: () => '22222', codeSentCallback: () => {} });
    const lat: number[] = [];
    tg.onNewMessage.add((m) => {
      lat.push(nowMs() - Number(m.text));
    });
    await tg.startUpdatesLoop();
    await new Promise((r) => setTimeout(r, 500));
    return await measure('mtcute', server, phone, perSecond, total, lat);
  } finally {
    await tg.destroy();
  }
}

/** Runs both clients against one push server. */
export async function latency(perSecond: number, total: number, log: (line: string) => void): Promise<LatencyResult[]> {
  const server = await startPushServer();
  const out: LatencyResult[] = [];
  try {
    for (const [name, run] of [
      ['wasmgram', wasmgramRun],
      ['mtcute', mtcuteRun],
    ] as const) {
      try {
        const r = await run(server, perSecond, total);
        out.push(r);
        log(
          `  latency ${name.padEnd(8)} p50 ${r.p50.toFixed(2)} ms  p90 ${r.p90.toFixed(2)}  p99 ${r.p99.toFixed(2)}  max ${r.max.toFixed(1)}  (${r.received}/${r.total} at ${Math.round(r.pushedPerSecond)}/s; client CPU ${r.cpuUsPerUpdate.toFixed(1)} µs/update)`,
        );
      } catch (e) {
        log(`  latency ${name}: failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}
