/**
 * Turns crypto measurements into the report: markdown tables (stdout and
 * crypto.md), crypto.json and the crypto.svg chart, plus the targets check.
 */
import { markdownTable, ms, ratio, si, sizeLabel } from '../lib/format.js';
import { describeMachine, type MachineInfo, machineBusy } from '../lib/machine.js';
import { ratioChartSvg } from '../lib/svg.js';
import type { ThroughputPlan } from '../lib/timing.js';
import { type CryptoOp, isOurs, OURS } from './cases.js';
import type { PqPlan } from './pq.js';

export interface Measurement {
  impl: string;
  opsPerSec: number;
  perRound?: number[];
  medianMs?: number;
  p99Ms?: number;
  /** Numbers factorized (pq). */
  samples?: number;
}

export interface Row {
  op: CryptoOp;
  /** Bytes per operation (pq: 8). */
  size: number;
  /** Every implementation in display order, measured or not. */
  impls: string[];
  measured: Measurement[];
  notRun: { impl: string; reason: string }[];
}

export interface Report {
  machine: MachineInfo;
  /** 1-minute load average when the run ended. */
  loadAtEnd: number;
  quick: boolean;
  plan: ThroughputPlan;
  pqPlan: PqPlan;
  gc: boolean;
  rows: Row[];
  /** Notes on how some implementations were put together. */
  notes: string[];
}

/** The fastest peer (any non-wasmgram implementation) of a row. */
export function bestPeer(row: Row): Measurement | undefined {
  let best: Measurement | undefined;
  for (const m of row.measured) if (!isOurs(m.impl) && (!best || m.opsPerSec > best.opsPerSec)) best = m;
  return best;
}

function winner(row: Row): Measurement | undefined {
  let best: Measurement | undefined;
  for (const m of row.measured) if (!best || m.opsPerSec > best.opsPerSec) best = m;
  return best;
}

function ratioToBestPeer(row: Row, m: Measurement): number {
  const peer = bestPeer(row);
  return peer ? m.opsPerSec / peer.opsPerSec : Number.NaN;
}

// ------------------------------------------------------------------ targets

export interface Target {
  name: string;
  /** Ratio (higher is better) or milliseconds (lower is better). */
  value: number;
  goal: number;
  kind: 'ratio' | 'ms';
  /** null when a side of the comparison was not measured. */
  pass: boolean | null;
}

function measuredOf(rows: Row[], op: CryptoOp, size: number, impl: string): Measurement | undefined {
  return rows.find((r) => r.op === op && r.size === size)?.measured.find((m) => m.impl === impl);
}

/** Our WASM core for the targets: the SIMD build, or the plain one where SIMD is unavailable. */
function oursFor(rows: Row[], op: CryptoOp, size: number): Measurement | undefined {
  return measuredOf(rows, op, size, 'wasmgram-wasm-simd') ?? measuredOf(rows, op, size, 'wasmgram-wasm');
}

export function targets(rows: Row[]): Target[] {
  const out: Target[] = [];
  const ran = (op: CryptoOp, size: number) => rows.some((r) => r.op === op && r.size === size);
  const vs = (name: string, op: CryptoOp, size: number, peers: readonly string[], goal: number) => {
    if (!ran(op, size)) return;
    const ours = oursFor(rows, op, size);
    const theirs = peers.map((p) => measuredOf(rows, op, size, p)).filter((m): m is Measurement => !!m);
    const best = theirs.reduce<Measurement | undefined>((a, m) => (!a || m.opsPerSec > a.opsPerSec ? m : a), undefined);
    const value = ours && best ? ours.opsPerSec / best.opsPerSec : Number.NaN;
    out.push({ name, value, goal, kind: 'ratio', pass: Number.isFinite(value) ? value >= goal : null });
  };
  for (const [size, goal] of [
    [176, 1.3],
    [16384, 1.1],
    [524288, 1.1],
  ] as const) {
    vs(`IGE encrypt vs @mtcute/wasm @ ${sizeLabel(size)}`, 'ige-encrypt', size, ['@mtcute/wasm'], goal);
    vs(`IGE decrypt vs @mtcute/wasm @ ${sizeLabel(size)}`, 'ige-decrypt', size, ['@mtcute/wasm'], goal);
  }
  for (const size of [48, 176, 1024, 16384, 524288]) {
    vs(`SHA-256 vs fastest WASM peer @ ${sizeLabel(size)}`, 'sha256', size, ['@mtcute/wasm', 'hash-wasm', '@chainsafe/as-sha256'], 1.0);
  }
  for (const op of ['seal', 'open'] as const) {
    vs(`${op} @ 176 B vs mtcute AuthKey`, op, 176, ['mtcute'], 3.0);
    vs(`${op} @ 176 B vs node:crypto+@mtcute/wasm`, op, 176, ['node:crypto+@mtcute/wasm'], 1.3);
  }
  if (!ran('pq', 8)) return out;
  const pq = oursFor(rows, 'pq', 8);
  const lat = (name: string, v: number | undefined, goal: number) =>
    out.push({ name, value: v ?? Number.NaN, goal, kind: 'ms', pass: v === undefined || !Number.isFinite(v) ? null : v <= goal });
  lat('PQ median', pq?.medianMs, 0.5);
  lat('PQ p99', pq?.p99Ms, 2.0);
  return out;
}

// ------------------------------------------------------------------ markdown

function cell(row: Row, impl: string): string {
  const m = row.measured.find((x) => x.impl === impl);
  if (!m) {
    const n = row.notRun.find((x) => x.impl === impl);
    return n?.reason.startsWith('wrong output') ? 'n/a (wrong output)' : 'n/a';
  }
  const star = winner(row) === m ? '★ ' : '';
  const mbs = (m.opsPerSec * row.size) / 1e6;
  return `${star}${si(m.opsPerSec)}/s · ${mbs >= 100 ? mbs.toFixed(0) : mbs.toPrecision(3)} MB/s · ${ratio(ratioToBestPeer(row, m))}`;
}

function opTitle(op: CryptoOp): string {
  const titles: Record<CryptoOp, string> = {
    'ige-encrypt': 'AES-256-IGE encrypt',
    'ige-decrypt': 'AES-256-IGE decrypt',
    ctr: 'AES-256-CTR (one long-lived stream)',
    sha1: 'SHA-1',
    sha256: 'SHA-256',
    seal: 'seal — MTProto 2.0 message encryption, client→server (size = unpadded plaintext)',
    open: 'open — MTProto 2.0 message decryption and msg_key check, server→client',
    pq: 'pq — factorizing 63/64-bit semiprimes (two random 31/32-bit primes)',
  };
  return titles[op];
}

function opTable(rows: Row[]): string {
  const impls = rows[0]!.impls;
  const header = ['size', ...impls];
  const body = rows.map((r) => [sizeLabel(r.size), ...impls.map((i) => cell(r, i))]);
  return markdownTable(header, body, ['left', ...impls.map(() => 'right' as const)]);
}

function pqTable(row: Row): string {
  const body = row.impls.map((impl) => {
    const m = row.measured.find((x) => x.impl === impl);
    if (!m) return [impl, 'n/a', 'n/a', '—', 'n/a', 'n/a'];
    const star = winner(row) === m ? '★ ' : '';
    return [impl, `${star}${ms(m.medianMs!)}`, ms(m.p99Ms!), String(m.samples), `${si(m.opsPerSec)}/s`, ratio(ratioToBestPeer(row, m))];
  });
  return markdownTable(['impl', 'median', 'p99', 'numbers', 'ops/s (1000/median)', 'vs best peer'], body, [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
}

function targetsTable(list: Target[]): string {
  const body = list.map((t) => {
    const value = t.kind === 'ratio' ? ratio(t.value) : ms(t.value);
    const goal = t.kind === 'ratio' ? `≥ ${t.goal.toFixed(1)}×` : `≤ ${t.goal} ms`;
    return [t.name, value, goal, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'MISS'];
  });
  return markdownTable(['target (ours = wasmgram-wasm-simd)', 'measured', 'goal', 'result'], body, ['left', 'right', 'right', 'left']);
}

export function renderMarkdown(report: Report): string {
  const { plan, pqPlan } = report;
  const lines: string[] = [];
  lines.push('# wasmgram crypto benchmark', '');
  if (report.quick)
    lines.push(
      '> **--quick smoke run**: a few milliseconds per implementation; the numbers are noisy and only show that every path runs.',
      '',
    );
  lines.push(`Machine: ${describeMachine(report.machine)}, ${report.loadAtEnd} at end`, '');
  if (machineBusy(report.machine) || report.loadAtEnd > report.machine.cores * 0.5) {
    lines.push(
      '> **The machine was busy** (load average above half the core count): other processes competed for the CPUs and caches, so single figures are noisy; ' +
        `the alternating rounds spread the noise over all implementations${plan.clock === 'cpu' ? ' and the CPU-time clock leaves out time spent descheduled' : ''}, but treat ratios within ±15% as ties.`,
      '',
    );
  }
  lines.push(
    `Method: all implementations in one process; for each operation and size, every output is first checked against node:crypto, ` +
      `then each implementation is warmed up for ${plan.warmupMs} ms and timed in ${plan.rounds} alternating rounds of ${plan.roundMs} ms ` +
      `(round-robin, the starting implementation rotating${plan.settleMs ? `; each slice after ${plan.settleMs} ms of untimed calls` : ''})` +
      `${report.gc ? `, with ${(plan.fullGc ?? true) ? 'a full GC before each operation/size and ' : ''}a young-generation GC before every slice` : ' (no --expose-gc: no GC between implementations)'}; ` +
      `figures are the median over rounds. ` +
      (plan.clock === 'cpu'
        ? 'Clock: **CPU time** of the benchmark process (user + system, all its threads; --clock=cpu), so time the OS gave to other processes is not counted; pq latencies use the same clock. '
        : 'Clock: wall time. ') +
      `Cells: ops/s · MB/s (10⁶ bytes of input per second) · ratio to the best peer ` +
      `(peer = any non-wasmgram implementation; 1.00× = that peer). ★ marks the fastest implementation of the row.`,
    '',
  );
  const byOp = new Map<CryptoOp, Row[]>();
  for (const r of report.rows) byOp.set(r.op, [...(byOp.get(r.op) ?? []), r]);
  for (const [op, rows] of byOp) {
    lines.push(`## ${opTitle(op)}`, '');
    if (op === 'pq') {
      lines.push(
        `${rows[0]!.measured.find((m) => isOurs(m.impl))?.samples ?? pqPlan.count} seeded numbers for wasmgram; ` +
          `each peer stops after ${(pqPlan.peerBudgetMs / 1000).toFixed(1)} s and reports over the prefix it reached (column "numbers"). ` +
          `${pqPlan.warmup} untimed warm-up number${pqPlan.warmup === 1 ? '' : 's'} per implementation first.`,
        '',
      );
      lines.push(pqTable(rows[0]!), '');
    } else {
      lines.push(opTable(rows), '');
    }
  }
  const goals = targets(report.rows);
  if (goals.length) lines.push('## Targets', '', targetsTable(goals), '');
  const notRun = new Map<string, { ops: Set<string>; reason: string }>();
  for (const r of report.rows) {
    for (const n of r.notRun) {
      const k = `${n.impl}\u0000${n.reason}`;
      const e = notRun.get(k) ?? { ops: new Set<string>(), reason: n.reason };
      e.ops.add(r.op === 'pq' ? 'pq' : `${r.op} ${sizeLabel(r.size)}`);
      notRun.set(k, e);
    }
  }
  if (notRun.size) {
    lines.push('## Not run', '');
    for (const [k, e] of notRun) lines.push(`- **${k.split('\u0000')[0]}** (${[...e.ops].join(', ')}): ${e.reason}`);
    lines.push('');
  }
  lines.push('## Implementations', '');
  lines.push(
    '- `wasmgram-wasm-simd`, `wasmgram-wasm`: `createWasmProvider({ simd })` — the AssemblyScript core, SIMD and plain builds.',
    '- `wasmgram-node`: `createNodeProvider()` — the same core with some operations routed to node:crypto (the routes of this run are listed below).',
    '- `@mtcute/wasm`: `ige256Encrypt`/`ige256Decrypt`, `createCtr256`+`ctr256`, `sha1`, `sha256`, initialized with its SIMD build when available.',
    '- `mtcute`: @mtcute/core `AuthKey.encryptMessage` / `decryptMessage` and `factorizePQSync`.',
    '- `gramjs`: telegram `crypto/IGE`, `crypto/CTR`, `crypto/Factorizator`, `MTProtoState.encryptMessageData` / `decryptMessageData` (async API, awaited per call).',
    '- `hash-wasm`: `createSHA1()` / `createSHA256()` hashers, reused (`init().update().digest("binary")`).',
    '- `@chainsafe/as-sha256`: `digest()`.',
    '- `node:crypto`: one-shot `crypto.hash()` for SHA; IGE with one `aes-256-ecb` `update()` per block; `aes-256-ctr` cipher for CTR.',
    '- `node:crypto-cbc`: IGE encryption as one `aes-256-cbc` call over pre-XORed input (written in bench/crypto/reference.ts).',
    '- `node:crypto+@mtcute/wasm`: hand-built seal/open — SHA-256 from `crypto.hash()` (from @mtcute/wasm for inputs under 512 B, where it is faster), @mtcute/wasm IGE, buffers preallocated per size (bench/crypto/hand-chain.ts).',
  );
  for (const n of report.notes) lines.push(`- ${n}`);
  lines.push('');
  return lines.join('\n');
}

// ------------------------------------------------------------------ json

/** Record names are package names (the issue's JSON contract); the tables keep the short labels. */
const PACKAGE_NAMES: Record<string, string> = { mtcute: '@mtcute/core', gramjs: 'telegram' };

export function renderJson(report: Report): string {
  const records = report.rows.flatMap((row) =>
    row.measured.map((m) => {
      const rec: Record<string, unknown> = {
        impl: PACKAGE_NAMES[m.impl] ?? m.impl,
        op: row.op,
        size: row.size,
        opsPerSec: Math.round(m.opsPerSec * 100) / 100,
      };
      if (row.op !== 'pq') rec.mbPerSec = Math.round(((m.opsPerSec * row.size) / 1e6) * 1000) / 1000;
      const r = ratioToBestPeer(row, m);
      if (Number.isFinite(r)) rec.ratioToBestPeer = Math.round(r * 1000) / 1000;
      if (winner(row) === m) rec.winner = true;
      if (m.medianMs !== undefined) rec.medianMs = Math.round(m.medianMs * 1e4) / 1e4;
      if (m.p99Ms !== undefined) rec.p99Ms = Math.round(m.p99Ms * 1e4) / 1e4;
      if (m.samples !== undefined) rec.samples = m.samples;
      if (m.perRound) rec.perRound = m.perRound.map((x) => Math.round(x));
      return rec;
    }),
  );
  const unavailable = report.rows.flatMap((row) => row.notRun.map((n) => ({ impl: n.impl, op: row.op, size: row.size, reason: n.reason })));
  const json = {
    machine: { ...report.machine, loadAvg1mAtEnd: report.loadAtEnd },
    quick: report.quick,
    method: { ...report.plan, gcBetweenImpls: report.gc, pq: report.pqPlan },
    records,
    unavailable,
    targets: targets(report.rows),
  };
  return `${JSON.stringify(json, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

// ------------------------------------------------------------------ svg

const COLORS: Record<(typeof OURS)[number], string> = {
  'wasmgram-wasm-simd': '#1d4ed8',
  'wasmgram-wasm': '#60a5fa',
  'wasmgram-node': '#f59e0b',
};

export function renderSvg(report: Report): string | null {
  const ops: CryptoOp[] = ['ige-encrypt', 'ige-decrypt', 'ctr', 'sha1', 'sha256', 'seal', 'open'];
  const group = (op: CryptoOp, size: number, label: string = op) => {
    const row = report.rows.find((r) => r.op === op && r.size === size);
    return {
      label,
      values: OURS.map((impl) => {
        const m = row?.measured.find((x) => x.impl === impl);
        const v = row && m ? ratioToBestPeer(row, m) : Number.NaN;
        return Number.isFinite(v) ? v : null;
      }),
    };
  };
  const panels = [176, 16384]
    .filter((size) => report.rows.some((r) => r.size === size))
    .map((size, i) => ({
      title: `${sizeLabel(size)} per operation`,
      groups: [
        ...ops.filter((op) => report.rows.some((r) => r.op === op && r.size === size)).map((op) => group(op, size)),
        ...(i === 0 && report.rows.some((r) => r.op === 'pq') ? [group('pq', 8, 'pq (64-bit)')] : []),
      ],
    }))
    .filter((p) => p.groups.length > 0);
  if (panels.length === 0) return null;
  return ratioChartSvg({
    title: 'wasmgram crypto: speed relative to the fastest peer',
    subtitle:
      `${describeMachine(report.machine)} · ${report.plan.clock === 'cpu' ? 'CPU-time clock' : 'wall clock'}` +
      `${report.quick ? ' · QUICK RUN (noisy)' : ''}`,
    baselineLabel: '1× = fastest peer (mtcute, GramJS, hash-wasm, as-sha256, node:crypto, hand chain)',
    series: OURS.map((name) => ({ name, color: COLORS[name] })),
    panels,
    footnote:
      'Ratio = ops/s ÷ ops/s of the fastest non-wasmgram implementation of that operation and size (pq: inverse ratio of median latencies). ' +
      'Full tables: crypto.md.',
  });
}
