/**
 * Turns TL measurements into the report: the markdown table (stdout and
 * tl.md), tl.json, the tl.svg chart, and the issue-3 targets with PASS/MISS.
 */
import { markdownTable, ms, ratio, si } from '../lib/format.js';
import { describeMachine, type MachineInfo, machineBusy } from '../lib/machine.js';
import { ratioChartSvg } from '../lib/svg.js';
import type { CaseName } from './fixtures.js';
import { type ImplName, IMPLS, type Op, PEERS } from './impls.js';
import type { Measured, ProcessPlan } from './runner.js';
import type { LoadTimes, SizeRow } from './size.js';

export interface NotRun {
  impl: ImplName;
  op: Op;
  case: CaseName;
  reason: string;
}

export interface Checked {
  impl: ImplName;
  op: Op;
  case: CaseName;
  detail: string;
}

export interface Report {
  machine: MachineInfo;
  loadAtEnd: number;
  quick: boolean;
  plan: ProcessPlan;
  /** How worker processes were started. */
  launch: string;
  cases: readonly CaseName[];
  ops: readonly Op[];
  measured: Measured[];
  notRun: NotRun[];
  checks: Checked[];
  gramjsLayer: number | null;
  sizes?: SizeRow[];
  load?: LoadTimes;
  seconds: number;
}

const CASE_TITLE: Record<CaseName, string> = {
  'send-message': '(a) messages.sendMessage, 200-char text + entities',
  'history-100': '(b) messages.messages, 100 messages + 20 users',
  'upload-file-512k': '(c) upload.file, 512 KiB',
  'container-20': '(d) msg_container of 20 rpc_results',
};

/** Issue 3's reference points on its machine, µs per operation: [mtcute, GramJS]. */
const ISSUE_REFERENCE: Partial<Record<`${CaseName}/${Op}`, [number, number]>> = {
  'send-message/encode': [1.3, 19],
  'history-100/encode': [77, 3100],
  'history-100/decode': [24, 2500],
  'upload-file-512k/encode': [68, 256],
};

function find(r: Report, c: CaseName, op: Op, impl: ImplName): Measured | undefined {
  return r.measured.find((m) => m.case === c && m.op === op && m.impl === impl);
}

function bestPeer(r: Report, c: CaseName, op: Op): Measured | undefined {
  let best: Measured | undefined;
  for (const impl of PEERS) {
    const m = find(r, c, op, impl);
    if (m && (!best || m.opsPerSec > best.opsPerSec)) best = m;
  }
  return best;
}

function ratioToBestPeer(r: Report, m: Measured): number {
  const peer = bestPeer(r, m.case, m.op);
  return peer ? m.opsPerSec / peer.opsPerSec : Number.NaN;
}

const mbPerSec = (m: Measured) => (m.opsPerSec * m.size) / 1e6;
const us = (opsPerSec: number) => 1e6 / opsPerSec;

function usText(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 1000) return `${(v / 1000).toPrecision(3)} ms`;
  return `${v >= 100 ? v.toFixed(0) : v.toPrecision(3)} µs`;
}

function mbText(v: number): string {
  return v >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

// ------------------------------------------------------------------ targets

export interface Target {
  name: string;
  /** ours ÷ theirs, ops/s (higher is better). */
  value: number;
  goal: number;
  /** null: a side was not measured (the reason in `note`). */
  pass: boolean | null;
  note?: string;
}

export function targets(r: Report): Target[] {
  const out: Target[] = [];
  const ran = (c: CaseName, op: Op) => r.cases.includes(c) && r.ops.includes(op);
  for (const c of ['send-message', 'history-100', 'container-20'] as const) {
    for (const op of ['encode', 'decode'] as const) {
      if (!ran(c, op)) continue;
      for (const [peer, goal] of [
        ['@mtcute/tl-runtime', 1.5],
        ['telegram', 3],
      ] as const) {
        const ours = find(r, c, op, 'wasmgram');
        const theirs = find(r, c, op, peer);
        const missing = r.notRun.find((n) => n.case === c && n.op === op && (n.impl === peer || n.impl === 'wasmgram'));
        const value = ours && theirs ? ours.opsPerSec / theirs.opsPerSec : Number.NaN;
        out.push({
          name: `${c} ${op} vs ${peer}`,
          value,
          goal,
          pass: Number.isFinite(value) ? value >= goal : null,
          ...(missing ? { note: `${missing.impl}: ${missing.reason}` } : {}),
        });
      }
    }
  }
  for (const op of ['encode', 'decode'] as const) {
    if (!ran('upload-file-512k', op)) continue;
    const ours = find(r, 'upload-file-512k', op, 'wasmgram');
    const copy = find(r, 'upload-file-512k', op, 'memcpy');
    const value = ours && copy ? ours.opsPerSec / copy.opsPerSec : Number.NaN;
    out.push({
      name: `upload-file-512k ${op} vs memcpy (within 10 %)`,
      value,
      goal: 0.9,
      pass: Number.isFinite(value) ? value >= 0.9 : null,
    });
  }
  // Issue 15: decode ahead of mtcute where it trailed; encode of a file part at memcpy speed.
  for (const [c, op, other, goal] of [
    ['history-100', 'decode', '@mtcute/tl-runtime', 1.2],
    ['upload-file-512k', 'decode', '@mtcute/tl-runtime', 1.2],
    ['container-20', 'decode', '@mtcute/tl-runtime', 1],
    ['upload-file-512k', 'encode', 'memcpy', 1],
  ] as const) {
    if (!ran(c, op)) continue;
    const ours = find(r, c, op, 'wasmgram');
    const theirs = find(r, c, op, other);
    const value = ours && theirs ? ours.opsPerSec / theirs.opsPerSec : Number.NaN;
    out.push({ name: `issue 15: ${c} ${op} vs ${other}`, value, goal, pass: Number.isFinite(value) ? value >= goal : null });
  }
  return out;
}

function targetsTable(list: Target[]): string {
  const body = list.map((t) => [
    t.name,
    Number.isFinite(t.value) ? ratio(t.value) : 'n/a',
    `≥ ${t.goal.toFixed(t.goal % 1 ? 1 : 0)}×`,
    t.pass === null ? `— (${t.note ?? 'not measured'})` : t.pass ? 'PASS' : '**MISS**',
  ]);
  return markdownTable(['target (wasmgram ÷ other, ops/s)', 'measured', 'goal', 'result'], body, ['left', 'right', 'right', 'left']);
}

// ------------------------------------------------------------------ markdown

/** The main table: one row per case, op and implementation (n/a rows say why). */
function resultsTable(r: Report): string {
  const rows: string[][] = [];
  for (const c of r.cases) {
    for (const op of r.ops) {
      const best = [...r.measured.filter((m) => m.case === c && m.op === op)].sort((a, b) => b.opsPerSec - a.opsPerSec)[0];
      for (const impl of IMPLS) {
        const m = find(r, c, op, impl);
        if (m) {
          const star = m === best ? '★ ' : '';
          rows.push([
            c,
            op,
            impl,
            String(m.size),
            `${star}${si(m.opsPerSec)}`,
            usText(us(m.opsPerSec)),
            mbText(mbPerSec(m)),
            ratio(ratioToBestPeer(r, m)),
          ]);
          continue;
        }
        const n = r.notRun.find((x) => x.case === c && x.op === op && x.impl === impl);
        if (n && !(impl === 'memcpy' && c !== 'upload-file-512k')) rows.push([c, op, impl, '', 'n/a', '', '', n.reason]);
      }
    }
  }
  return markdownTable(['case', 'op', 'impl', 'bytes', 'ops/s', 'time/op', 'MB/s', 'vs best peer'], rows, [
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
}

function referenceTable(r: Report): string | null {
  const rows: string[][] = [];
  for (const [key, [mt, gj]] of Object.entries(ISSUE_REFERENCE) as [`${CaseName}/${Op}`, [number, number]][]) {
    const [c, op] = key.split('/') as [CaseName, Op];
    const here = (impl: ImplName) => {
      const m = find(r, c, op, impl);
      return m ? usText(us(m.opsPerSec)) : 'n/a';
    };
    const ours = find(r, c, op, 'wasmgram');
    if (!ours) continue;
    rows.push([c, op, usText(mt), here('@mtcute/tl-runtime'), usText(gj), here('telegram'), here('wasmgram')]);
  }
  if (rows.length === 0) return null;
  return markdownTable(['case', 'op', 'mtcute (issue)', 'mtcute (here)', 'GramJS (issue)', 'GramJS (here)', 'wasmgram (here)'], rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
}

function methodText(r: Report): string {
  const p = r.plan;
  return (
    `Method: every measurement runs in its own process (\`node --expose-gc --import tsx bench/tl/worker.ts <impl> <op> <case> <ms>\`), ` +
    `so no library shares a heap or a garbage collector with another (here: ${r.launch}). Each process loads only its implementation, ` +
    `warms it up for ${p.warmupMs} ms, runs a full GC, then times ${p.ms} ms in ${p.slices} slices (young-generation GC before each) and reports the median slice. ` +
    `${p.rounds} alternating round${p.rounds === 1 ? '' : 's'}: each round visits every case and op, the starting implementation rotating; ` +
    `the figure is the median over rounds. Before anything is timed, every output is checked (see "Correctness guard"). ` +
    `Clock: ${p.clock === 'cpu' ? '**CPU time** of the worker process (user + system, all its threads; --clock=cpu), so time the OS gave to other processes is not counted' : "wall time (performance.now); --clock=cpu counts only the worker's CPU time, steadier on a busy machine"}. ` +
    "bytes = what that implementation wrote or read (GramJS: its own layer's bytes); MB/s = 10⁶ bytes per second; " +
    'vs best peer = ops/s ÷ ops/s of the faster of mtcute and GramJS for that case and op; ★ = fastest of the row group.'
  );
}

export function renderMarkdown(r: Report): string {
  const m = r.machine;
  const lines: string[] = ['# wasmgram TL codec benchmark', ''];
  lines.push(
    `Machine: ${describeMachine(m)}, ${r.loadAtEnd} at end · ${r.seconds.toFixed(0)} s${r.quick ? ' · **QUICK RUN** (smoke test, figures are noise)' : ''}`,
    '',
  );
  if (machineBusy(m) || r.loadAtEnd > m.cores * 0.5) {
    lines.push(
      '> **The machine was busy** (load average above half the core count): other processes competed for the CPUs and caches, so single ' +
        'figures are noisy; alternating rounds spread the noise over all implementations' +
        (r.plan.clock === 'cpu'
          ? ' and the CPU-time clock leaves out time spent descheduled'
          : ' (--clock=cpu would leave out time spent descheduled)') +
        ', but treat ratios within ±20 % as ties.',
      '',
    );
  }
  const timed = r.cases.length > 0 && r.ops.length > 0;
  if (timed) {
    lines.push(methodText(r), '');
    lines.push('Cases:', '');
    for (const c of r.cases) lines.push(`- \`${c}\`: ${CASE_TITLE[c]}`);
    lines.push('', '## Results', '', resultsTable(r), '');
  }
  const goals = targets(r);
  if (goals.length) lines.push('## Targets (issue 3)', '', targetsTable(goals), '');
  const ref = referenceTable(r);
  if (ref) {
    lines.push(
      '## Reference points',
      '',
      "The issue's reference figures for the peers (its machine) next to this run's, time per operation. " +
        "They show how this machine and these payloads compare with the issue's; the targets are the ratios measured side by side above.",
      '',
      ref,
      '',
    );
  }
  if (r.sizes) {
    lines.push(
      '## Bundle size',
      '',
      markdownTable(
        ['what', 'raw', 'gzip'],
        r.sizes.map((s) => [s.what, `${(s.raw / 1024).toFixed(1)} KiB`, `${(s.gzip / 1024).toFixed(1)} KiB`]),
        ['left', 'right', 'right'],
      ),
      '',
    );
  }
  if (r.load) {
    lines.push(
      `## Cold load (fresh Node process, bundled ts/tl, median of ${r.load.runs}, ${r.load.clock === 'cpu' ? 'CPU time of the process' : 'wall clock'})`,
      '',
      markdownTable(
        ['step', 'time'],
        [
          ['import the bundled TL layer', ms(r.load.importMs)],
          ['first decode of history-100 (unpacks the table, builds the readers it meets)', ms(r.load.firstDecodeMs)],
          ['second decode of history-100', ms(r.load.secondDecodeMs)],
          ['first decode of container-20 after import (another fresh process)', ms(r.load.firstSmallMs)],
          ['second decode of container-20', ms(r.load.secondSmallMs)],
          ['first decode of new_session_created + rpc_result(config) after import (another fresh process)', ms(r.load.firstStartupMs)],
          ['second decode of it', ms(r.load.secondStartupMs)],
          [
            'one-time cost of the first decode (history-100: first − second; issue 15 target ≤ 2 ms)',
            ms(r.load.firstDecodeMs - r.load.secondDecodeMs),
          ],
        ],
        ['left', 'right'],
      ),
      '',
    );
  }
  if (!timed) return lines.join('\n');
  lines.push('## Correctness guard', '', 'Checked in the parent process before timing; a failing implementation is not timed.', '');
  for (const c of r.checks) lines.push(`- ${c.case} ${c.op} · ${c.impl}: ${c.detail}`);
  const failed = r.notRun.filter((n) => n.reason.startsWith('wrong output'));
  for (const n of failed) lines.push(`- ${n.case} ${n.op} · ${n.impl}: **${n.reason}**`);
  lines.push('');
  lines.push('## Implementations', '');
  lines.push(
    '- `wasmgram`: `encode(obj)`, `decode(bytes)` / `decodeRequest(bytes)` from ts/tl/codec with default options (per-constructor readers and writers generated at first use, JS engine, `bytes` of 1 KiB or more returned as views of the input, shorter ones as copies). The container is one `encode`/`decode` of the whole `msg_container` object.',
    "- `@mtcute/tl-runtime`: `TlBinaryWriter.serializeObject` / `TlBinaryReader.deserializeObject` with @mtcute/core's layer-227 maps (`tl/binary/{reader,writer}.js`, imported by path). Its maps hold no `msg_container`/`rpc_result` (its session frames them by hand), so the container is framed in bench/tl/mtcute.ts with the runtime's own `uint`/`long`/`int`/`raw` and each result goes through the maps; its reader map holds no request types, so `send-message` decode has no mtcute figure.",
    `- \`telegram\` (GramJS${r.gramjsLayer ? `, layer ${r.gramjsLayer}` : ''}): \`getBytes()\` on the same objects converted to its \`Api\` classes, \`new BinaryReader(bytes).tgReadObject()\`. Container decode: \`tgReadObject()\` on the container (async, bodies kept raw) and then \`tgReadObject()\` on each result body, as its \`MTProtoSender\` does; container encode: \`getBytes()\` per result, framed like its \`MTProtoState.writeDataAsMessage\`/\`MessagePacker\` (\`toSignedLittleBuffer\`, \`BinaryWriter\`, \`Buffer.concat\`).`,
    '- `memcpy` (upload-file-512k only): the floor of that case — encode: `new Uint8Array(size)` + `set()` of the 512 KiB at the payload offset; decode: `slice()` of the 512 KiB. Not a peer: excluded from "best peer".',
    "- Both peers return `bytes` fields as views into the input (no copy) when decoding; so does wasmgram by default for `bytes` of 1 KiB or more (`ReadOptions.views`: `'large'` by default; shorter values and nonces are copies), so upload-file-512k decode compares views with views; memcpy is the floor of a copying decoder.",
    '- Nothing from the peers is copied: they are called through their exported API only (bench/tl/mtcute.ts, bench/tl/gramjs.ts).',
    '',
  );
  return lines.join('\n');
}

// ------------------------------------------------------------------ json

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function renderJson(r: Report): string {
  const records = r.measured.map((m) => {
    const rec: Record<string, unknown> = { impl: m.impl, op: m.op, case: m.case, size: m.size, opsPerSec: round(m.opsPerSec, 2) };
    rec.mbPerSec = round(mbPerSec(m), 3);
    const q = ratioToBestPeer(r, m);
    if (Number.isFinite(q)) rec.ratioToBestPeer = round(q, 3);
    rec.perRound = m.perRound.map((x) => round(x, 1));
    return rec;
  });
  const json = {
    machine: { ...r.machine, loadAvg1mAtEnd: r.loadAtEnd },
    quick: r.quick,
    method: { ...r.plan, processPerMeasurement: true, launch: r.launch, figure: "median over rounds of each process's median slice" },
    records,
    unavailable: r.notRun.map((n) => ({ impl: n.impl, op: n.op, case: n.case, reason: n.reason })),
    targets: targets(r).map((t) => ({ ...t, value: round(t.value, 3) })),
    checks: r.checks,
    sizes: r.sizes,
    coldLoad: r.load && {
      importMs: round(r.load.importMs, 2),
      firstDecodeMs: round(r.load.firstDecodeMs, 2),
      secondDecodeMs: round(r.load.secondDecodeMs, 2),
      firstSmallMs: round(r.load.firstSmallMs, 2),
      secondSmallMs: round(r.load.secondSmallMs, 2),
      firstStartupMs: round(r.load.firstStartupMs, 2),
      secondStartupMs: round(r.load.secondStartupMs, 2),
      clock: r.load.clock,
      runs: r.load.runs,
    },
  };
  return `${JSON.stringify(json, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

// ------------------------------------------------------------------ svg

export function renderSvg(r: Report): string | null {
  const series = [
    { name: 'vs @mtcute/tl-runtime', color: '#1d4ed8', impl: '@mtcute/tl-runtime' as const },
    { name: 'vs telegram (GramJS)', color: '#f59e0b', impl: 'telegram' as const },
    { name: 'vs memcpy (512 KiB copy)', color: '#10b981', impl: 'memcpy' as const },
  ];
  const panels = r.ops.map((op) => ({
    title: op,
    groups: r.cases.map((c) => {
      const ours = find(r, c, op, 'wasmgram');
      return {
        label: `${c}${ours ? ` (${ours.size} B)` : ''}`,
        values: series.map((s) => {
          const theirs = find(r, c, op, s.impl);
          return ours && theirs ? ours.opsPerSec / theirs.opsPerSec : null;
        }),
      };
    }),
  }));
  if (!r.measured.some((m) => m.impl === 'wasmgram')) return null;
  return ratioChartSvg({
    title: 'wasmgram TL codec: speed relative to each peer',
    subtitle:
      `${r.machine.cpu} · ${r.machine.cores} cores · Node ${r.machine.node} · load ${r.machine.loadAvg1m} · ${r.machine.date.slice(0, 10)} · ` +
      `${r.plan.clock === 'cpu' ? 'CPU-time clock' : 'wall clock'} · one process per measurement, median of ${r.plan.rounds}${r.quick ? ' · QUICK RUN (noisy)' : ''}`,
    baselineLabel: '1× = as fast as that implementation',
    series: series.map(({ name, color }) => ({ name, color })),
    panels,
    footnote:
      "Ratio = wasmgram ops/s ÷ the other implementation's ops/s on the same case and op (n/a: it cannot do it). Full table: tl.md.",
  });
}
