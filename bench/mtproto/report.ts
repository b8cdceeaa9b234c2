/**
 * Turns the MTProto measurements into mtproto.md (also printed) and
 * mtproto.json: `{ machine, records: [{ op, impl, value, unit, ... }], ... }`.
 */
import { markdownTable, ratio, si } from '../lib/format.js';
import { describeMachine, type MachineInfo, machineBusy } from '../lib/machine.js';
import type { Anatomy, HandshakeTimes } from './handshake.js';
import type { KeyExchangeCpu } from './key-exchange-cpu.js';
import type { ColdResult, RoundResult } from './measure.js';
import type { ProfileSummary } from './profile.js';
import type { ServerCpu } from './server.js';

import { PART, type SteadyOp } from './workload.js';

const OURS = 'wasmgram';

export interface Report {
  machine: MachineInfo;
  loadAtEnd: number;
  quick: boolean;
  plan: unknown;
  clientEngine: string;
  serverEngine: string;
  impls: { name: string; version: string }[];
  handshake?: HandshakeTimes & { anatomy: Anatomy };
  keyExchangeCpu?: KeyExchangeCpu;
  cold?: ColdResult[];
  steady: { op: SteadyOp; results: RoundResult[] }[];
  profile?: ProfileSummary;
  serverCpu?: ServerCpu;
  unavailable: { impl: string; op: string; reason: string }[];
  notes: string[];
  seconds: number;
  gc?: boolean;
}

const isBulk = (op: string) => op.startsWith('bulk');
const mbps = (partsPerSec: number) => (partsPerSec * PART) / 1e6;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const msFmt = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : 'n/a');

/** Ours divided by the best peer (throughput: higher is better). */
function vsBestPeer(results: readonly RoundResult[]): number {
  const ours = results.find((r) => r.name === OURS);
  const peers = results.filter((r) => r.name !== OURS);
  if (!ours || peers.length === 0) return Number.NaN;
  return ours.opsPerSec / Math.max(...peers.map((p) => p.opsPerSec));
}

/** The best peer's client CPU per operation divided by ours (> 1: wasmgram spends less CPU). */
function cpuVsBestPeer(results: readonly RoundResult[]): number {
  const ours = results.find((r) => r.name === OURS);
  const peers = results.filter((r) => r.name !== OURS);
  if (!ours || peers.length === 0) return Number.NaN;
  return Math.min(...peers.map((p) => p.clientCpuUsPerOp)) / ours.clientCpuUsPerOp;
}

/** Best peer's median divided by ours (latency: > 1 means wasmgram is faster). */
function coldVsBestPeer(cold: readonly ColdResult[]): number {
  const ours = cold.find((c) => c.name === OURS);
  const peers = cold.filter((c) => c.name !== OURS && c.samples.length > 0);
  if (!ours || peers.length === 0) return Number.NaN;
  return Math.min(...peers.map((p) => p.medianMs)) / ours.medianMs;
}

function steadyTable(r: Report): string {
  const names = r.impls.map((i) => i.name);
  const header = ['operation', ...names.map((n) => `${n}`), 'vs best peer: throughput', 'vs best peer: client CPU'];
  const rows = r.steady.map(({ op, results }) => {
    const cells = names.map((n) => {
      const m = results.find((x) => x.name === n);
      if (!m) return 'n/a';
      const value = isBulk(op) ? `${mbps(m.opsPerSec).toFixed(1)} MB/s` : `${si(m.opsPerSec)} RPC/s`;
      return `${value} · ${m.clientCpuUsPerOp.toFixed(0)} / ${m.serverCpuUsPerOp.toFixed(0)} µs`;
    });
    return [op, ...cells, ratio(vsBestPeer(results)), ratio(cpuVsBestPeer(results))];
  });
  return markdownTable(header, rows, ['left', ...names.map(() => 'right' as const), 'right', 'right']);
}

function handshakeSection(r: Report): string[] {
  const h = r.handshake;
  if (!h) return [];
  const a = h.anatomy;
  const rows = [
    ['PQ: factorizePQ (WASM)', msFmt(a.medianMs.pq), pct(a.share.pq)],
    ['RSA: rest of step 2 (RSA_PAD, 2048-bit modPow with e)', msFmt(a.medianMs.rsa), pct(a.share.rsa)],
    ['DH: step 3 + finish (checks, g^b and g_a^b mod p)', msFmt(a.medianMs.dh), pct(a.share.dh)],
    ['client I/O (TCP connect, step 1, framing, event loop)', msFmt(a.medianMs.clientIo), pct(a.share.clientIo)],
    ['waiting on the server (its work + loopback)', msFmt(a.medianMs.server), pct(a.share.server)],
    ['total (step-driven exchange)', msFmt(a.medianMs.total), '100%'],
  ];
  return [
    '## Key exchange (wasmgram)',
    '',
    `Full handshake through \`Connection\` (new connection, TCP connect, the 3-step exchange; ${h.samples.length} runs): ` +
      `**median ${msFmt(h.medianMs)} ms, p95 ${msFmt(h.p95Ms)} ms**.`,
    '',
    `Where it goes (${a.exchanges} exchanges driven step by step over the same transport; median ms per part, share of the summed wall time${a.retries ? `; ${a.retries} dh_gen_retry` : ''}):`,
    '',
    markdownTable(['part', 'median ms', 'share'], rows, ['left', 'right', 'right']),
    '',
    ...keyExchangeCpuSection(r),
  ];
}

function keyExchangeCpuSection(r: Report): string[] {
  const k = r.keyExchangeCpu;
  if (!k) return [];
  const base = k.exchanges.find((e) => e.impl === 'bigint');
  const bestPeer = Math.min(...k.modPow.filter((m) => !m.impl.startsWith(OURS)).map((m) => m.medianMs));
  const speedup = (ms: number, ref: number | undefined) => (ref && Number.isFinite(ref) ? `${(ref / ms).toFixed(2)}×` : 'n/a');
  return [
    '### Client CPU of one key exchange, by modular-exponentiation engine',
    '',
    'The whole exchange in one process (client steps against the server steps, no sockets); only the client steps are timed, ' +
      "with the process's CPU time (user + system), so other processes do not inflate it. `bigint` is the code path before the " +
      'WASM and OpenSSL engines. Targets (issue 15): ≤ 5 ms on Node, ≤ 15 ms on pure WASM.',
    '',
    markdownTable(
      ['engine', 'client CPU median ms', 'p95 ms', 'of which DH (step 3 + finish)', 'vs before'],
      k.exchanges.map((e) => [
        `${e.impl}: ${e.label}`,
        msFmt(e.medianMs),
        msFmt(e.p95Ms),
        msFmt(e.dhMedianMs),
        speedup(e.medianMs, base?.medianMs),
      ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
    '',
    '### modPow 2048 (g_a^b mod dh_prime, 2048-bit b), CPU ms per call',
    '',
    markdownTable(
      ['implementation', 'median ms', 'p95 ms', 'calls', 'vs best peer'],
      k.modPow.map((m) => [
        `${m.impl}: ${m.label}`,
        msFmt(m.medianMs),
        msFmt(m.p95Ms),
        String(m.samples),
        m.impl.startsWith(OURS) ? speedup(m.medianMs, bestPeer) : '',
      ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
    '',
    ...(k.unavailable.length ? [`Not measured: ${k.unavailable.map((u) => `${u.impl} (${u.reason})`).join('; ')}.`, ''] : []),
  ];
}

function coldSection(r: Report): string[] {
  if (!r.cold) return [];
  const rows = r.cold.map((c) => [c.name, msFmt(c.medianMs), msFmt(c.p95Ms), String(c.samples.length)]);
  const v = coldVsBestPeer(r.cold);
  return [
    '## Cold start (new client → new auth key → first `help.getNearestDc` answer)',
    '',
    markdownTable(['library', 'median ms', 'p95 ms', 'runs'], rows, ['left', 'right', 'right', 'right']),
    '',
    ...(Number.isFinite(v) ? [`wasmgram is ${ratio(v)} the speed of the fastest peer here (best peer median / wasmgram median).`, ''] : []),
  ];
}

function profileSection(r: Report): string[] {
  const p = r.profile;
  if (!p) return [];
  const busy = p.layers.reduce((n, l) => n + l.selfMs, 0);
  const layerRows = p.layers
    .filter((l) => l.selfMs > 0)
    .sort((a, b) => b.selfMs - a.selfMs)
    .map((l) => [l.layer, msFmt(l.selfMs), pct(l.share)]);
  const topRows = p.top.map((f) => [f.name, f.where, f.layer, msFmt(f.selfMs), pct(f.share)]);
  return [
    '## CPU profile of the client (wasmgram)',
    '',
    `Pipelined bursts + 512 KiB uploads + downloads under V8's sampling profiler (${p.samplingIntervalUs} µs): ${msFmt(p.durationMs)} ms wall, ` +
      `${msFmt(busy)} ms on the CPU, ${msFmt(p.idleMs)} ms idle (waiting for the server). Self time by layer (built-ins charged to their caller's layer):`,
    '',
    markdownTable(['layer', 'self ms', 'share of CPU'], layerRows, ['left', 'right', 'right']),
    '',
    'Top functions by self time:',
    '',
    markdownTable(['function', 'where', 'layer', 'self ms', 'share'], topRows, ['left', 'left', 'left', 'right', 'right']),
    '',
  ];
}

export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push('# MTProto: wasmgram against the test server on loopback', '');
  out.push(
    `${describeMachine(r.machine)}; load avg ${r.loadAtEnd} at end${r.quick ? ' · **--quick smoke run (not representative)**' : ''}.`,
  );
  if (machineBusy(r.machine) || r.loadAtEnd > r.machine.cores * 0.5) {
    out.push(
      '',
      `**The machine was busy** (load average ${r.machine.loadAvg1m} → ${r.loadAtEnd} on ${r.machine.cores} cores): wall-time figures are noisy; the CPU µs per operation are steadier.`,
    );
  }
  out.push(
    '',
    `Server: wasmgram's TestServer in a child process (DC 2, crypto engine \`${r.serverEngine}\`); client crypto engine \`${r.clientEngine}\`. ` +
      `Libraries: ${r.impls.map((i) => `${i.name} (${i.version})`).join(', ')}.`,
    '',
  );
  if (r.steady.length) {
    out.push(
      '## One connection, steady state',
      '',
      'Each cell: throughput (median over alternating rounds) · client CPU / server CPU per operation (µs; for bulk, per 512 KiB part). ' +
        'Bulk keeps 4 parts in flight; MB/s = 10⁶ bytes of payload per second. Ratios: wasmgram ÷ the best peer for throughput, ' +
        "the best peer's client CPU ÷ wasmgram's for CPU (both > 1 when wasmgram is ahead). Client and server share the machine's cores, " +
        "so where the server spends more CPU per operation than the client, the throughput is the server's.",
      '',
      steadyTable(r),
      '',
    );
  }
  out.push(...handshakeSection(r), ...coldSection(r), ...profileSection(r));
  if (r.unavailable.length) {
    out.push('## Not measured', '');
    for (const u of r.unavailable) out.push(`- ${u.impl} · ${u.op}: ${u.reason}`);
    out.push('');
  }
  if (r.notes.length) {
    out.push('## Notes', '');
    for (const n of r.notes) out.push(`- ${n}`);
    out.push('');
  }
  out.push(`Run took ${r.seconds.toFixed(0)} s. Method: bench/mtproto/README.md.`, '');
  return out.join('\n');
}

export function renderJson(r: Report): string {
  const records: Record<string, unknown>[] = [];
  if (r.handshake) {
    const h = r.handshake;
    records.push({
      op: 'handshake',
      impl: OURS,
      value: h.medianMs,
      unit: 'ms',
      medianMs: h.medianMs,
      p95Ms: h.p95Ms,
      samples: h.samples,
      shares: h.anatomy.share,
      partsMedianMs: h.anatomy.medianMs,
      anatomyExchanges: h.anatomy.exchanges,
      retries: h.anatomy.retries,
    });
  }
  for (const m of r.keyExchangeCpu?.modPow ?? []) {
    records.push({
      op: 'modpow-2048',
      impl: m.impl,
      value: m.medianMs,
      unit: 'cpu ms',
      medianMs: m.medianMs,
      p95Ms: m.p95Ms,
      samples: m.samples,
    });
  }
  for (const e of r.keyExchangeCpu?.exchanges ?? []) {
    records.push({
      op: 'key-exchange-client-cpu',
      impl: `${OURS} ${e.impl}`,
      value: e.medianMs,
      unit: 'cpu ms',
      medianMs: e.medianMs,
      p95Ms: e.p95Ms,
      dhMedianMs: e.dhMedianMs,
      samples: e.samples,
    });
  }
  for (const c of r.cold ?? []) {
    records.push({
      op: 'cold-start',
      impl: c.name,
      value: c.medianMs,
      unit: 'ms',
      medianMs: c.medianMs,
      p95Ms: c.p95Ms,
      samples: c.samples,
      ...(c.name === OURS && { speedupVsBestPeer: coldVsBestPeer(r.cold!) }),
    });
  }
  for (const { op, results } of r.steady) {
    const v = vsBestPeer(results);
    for (const m of results) {
      const bulk = isBulk(op);
      records.push({
        op,
        impl: m.name,
        value: bulk ? mbps(m.opsPerSec) : m.opsPerSec,
        unit: bulk ? 'MB/s' : 'ops/s',
        ...(bulk ? { MBps: mbps(m.opsPerSec), partsPerSec: m.opsPerSec } : { opsPerSec: m.opsPerSec }),
        perRound: bulk ? m.perRound.map(mbps) : m.perRound,
        clientCpuUsPerOp: m.clientCpuUsPerOp,
        serverCpuUsPerOp: m.serverCpuUsPerOp,
        // What the client alone could sustain: payload over its own CPU time per part.
        ...(bulk && { clientCpuBoundMBps: PART / m.clientCpuUsPerOp }),
        ...(m.name === OURS && Number.isFinite(v) && { ratioToBestPeer: v, clientCpuRatioToBestPeer: cpuVsBestPeer(results) }),
      });
    }
  }
  if (r.profile) {
    records.push({
      op: 'profile',
      impl: OURS,
      value: r.profile.durationMs,
      unit: 'ms',
      idleMs: r.profile.idleMs,
      samplingIntervalUs: r.profile.samplingIntervalUs,
      layers: r.profile.layers,
      top: r.profile.top,
    });
  }
  return `${JSON.stringify(
    {
      machine: { ...r.machine, loadAvg1mAtEnd: r.loadAtEnd },
      quick: r.quick,
      seconds: r.seconds,
      gc: r.gc ?? false,
      plan: r.plan,
      clientEngine: r.clientEngine,
      serverEngine: r.serverEngine,
      impls: r.impls,
      server: r.serverCpu ? { cpuMs: r.serverCpu.cpuMs, rssMiB: r.serverCpu.rssMiB, stats: r.serverCpu.stats } : undefined,
      records,
      unavailable: r.unavailable,
      notes: r.notes,
    },
    null,
    2,
  )}\n`;
}
