/**
 * Storage suite: `npm run bench -- storage`. Save and load of a session with
 * 10 000 cached peers for each backend (memory, file, string, libSQL `file:`),
 * median of several runs. Results: bench/results/storage.{md,json}.
 *
 * - save: an opened storage gets the whole state (`restore`) and makes it durable (`flush`).
 * - load: a new storage over the saved data is opened and answers one peer lookup.
 * - put-peers: 10 000 peers upserted into an opened storage with a session, then `flush`.
 *
 * The string backend carries no peers by design (a string session holds what
 * reconnecting needs); its numbers are for export/import of that string.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeFileStorage } from '../../ts/storage/file-node.js';
import { MemoryStorage, type SessionSnapshot, type SessionStorage, STORAGE_VERSION, StringStorage } from '../../ts/storage/index.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { emptySnapshot } from '../../ts/storage/state.js';
import { markdownTable, ms } from '../lib/format.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { median } from '../lib/stats.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { clockFn, collectGarbage } from '../lib/timing.js';

const PEERS = 10_000;
const OPS = ['save', 'load', 'put-peers'] as const;

function snapshotWithPeers(n: number): SessionSnapshot {
  const s = emptySnapshot();
  s.homeDc = 2;
  s.dcOptions.push({ id: 2, host: '149.154.167.51', port: 443 });
  const key = new Uint8Array(256).map((_, i) => (i * 13) & 0xff);
  s.keys.push({ dcId: 2, authKey: key, serverSalt: 123n, timeOffset: 0 });
  s.account = { userId: 5_000_000_000n, bot: false, phone: '15550000' };
  s.updateState = { pts: 100, qts: 0, date: 1_700_000_000, seq: 1 };
  for (let i = 0; i < n; i++) {
    const id = BigInt(1_000_000 + i);
    s.peers.set(id, {
      id,
      kind: i % 10 === 0 ? 'channel' : 'user',
      accessHash: BigInt.asIntN(64, id * 0x9e3779b97f4a7c15n),
      min: false,
      usernames: i % 3 === 0 ? [`user_${i}`] : undefined,
      phone: i % 7 === 0 ? `1555${i}` : undefined,
      updatedAt: 1_700_000_000 + i,
    });
  }
  return s;
}

interface Backend {
  name: string;
  /** A new, empty storage over fresh backing data. */
  fresh(): SessionStorage;
  /** A new storage over the data the last `fresh()` one saved. */
  again(): SessionStorage;
  /** Bytes at rest after a save (file size, string length). */
  size(): number | undefined;
  cleanup(): void;
}

function backends(dir: string): Backend[] {
  let n = 0;
  let file = '';
  let db = '';
  let text = '';
  let memory: SessionSnapshot | undefined;
  let stringStorage: StringStorage | undefined;
  return [
    {
      name: 'memory',
      fresh: () => {
        const m = new MemoryStorage();
        const close = m.close.bind(m);
        m.close = async () => {
          memory = await m.snapshot();
          await close();
        };
        return m;
      },
      again: () => new MemoryStorage(memory),
      size: () => undefined,
      cleanup: () => {},
    },
    {
      name: 'file',
      fresh: () => nodeFileStorage((file = path.join(dir, `s${n++}.session`)), { debounceMs: 60_000 }),
      again: () => nodeFileStorage(file),
      size: () => statSync(file).size,
      cleanup: () => {},
    },
    {
      name: 'string',
      fresh: () => {
        stringStorage = new StringStorage(undefined, { onChange: (t) => (text = t) });
        return stringStorage;
      },
      again: () => new StringStorage(text),
      size: () => text.length,
      cleanup: () => {},
    },
    {
      name: 'libsql file:',
      fresh: () => new LibsqlStorage({ url: `file:${(db = path.join(dir, `d${n++}.sqlite`))}` }),
      again: () => new LibsqlStorage({ url: `file:${db}` }),
      size: () => statSync(db).size,
      cleanup: () => {},
    },
  ];
}

interface Row {
  backend: string;
  op: string;
  medianMs: number;
  runs: number;
  bytes?: number;
}

async function measure(b: Backend, op: (typeof OPS)[number], snap: SessionSnapshot, runs: number, now: () => number): Promise<Row> {
  const samples: number[] = [];
  let bytes: number | undefined;
  const peers = [...snap.peers.values()];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const s = b.fresh();
    await s.open();
    if (op === 'save') {
      const t0 = now();
      await s.restore(snap);
      await s.flush();
      samples.push(now() - t0);
      await s.close();
      bytes = b.size();
    } else if (op === 'put-peers') {
      const base = emptySnapshot();
      Object.assign(base, { ...snap, peers: new Map() });
      await s.restore(base);
      await s.flush();
      const t0 = now();
      await s.putPeers(peers);
      await s.flush();
      samples.push(now() - t0);
      await s.close();
    } else {
      await s.restore(snap);
      await s.close();
      collectGarbage();
      const t0 = now();
      const r = b.again();
      await r.open();
      await r.getPeer(1_000_000n + BigInt(PEERS - 1));
      samples.push(now() - t0);
      await r.close();
    }
  }
  return { backend: b.name, op, medianMs: median(samples), runs, bytes };
}

async function run(options: BenchOptions): Promise<void> {
  const machine = machineInfo();
  const dir = mkdtempSync(path.join(tmpdir(), 'wasmgram-bench-storage-'));
  const now = clockFn(options.clock);
  const runs = options.quick ? 2 : 9;
  const snap = snapshotWithPeers(PEERS);
  const ops = OPS.filter((o) => !options.ops || options.ops.includes(o));
  const rows: Row[] = [];
  try {
    for (const b of backends(dir)) {
      for (const op of ops) {
        const row = await measure(b, op, snap, runs, now);
        rows.push(row);
        console.log(
          `storage  ${b.name.padEnd(13)} ${op.padEnd(10)} ${ms(row.medianMs).padStart(10)}${row.bytes ? `  (${row.bytes} bytes at rest)` : ''}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const table = markdownTable(
    ['backend', ...ops.map((o) => `${o} (median)`), 'bytes at rest'],
    backends('').map((b) => [
      b.name,
      ...ops.map((o) => ms(rows.find((r) => r.backend === b.name && r.op === o)?.medianMs ?? Number.NaN)),
      String(rows.find((r) => r.backend === b.name && r.bytes)?.bytes ?? '—'),
    ]),
    ['left', ...ops.map(() => 'right' as const), 'right'],
  );
  const md = [
    '# Storage: save/load with 10 000 cached peers',
    '',
    `${describeMachine(machine)} · ${runs} runs each, median · clock: ${options.clock} · storage version ${STORAGE_VERSION}`,
    '',
    table,
    '',
    '- save: `restore(snapshot)` + `flush()` on an opened storage (file: one atomic write with fsync; libSQL: one write transaction).',
    '- load: a new storage over the saved data, `open()` + one `getPeer`.',
    '- put-peers: 10 000 peers upserted into an opened session, then `flush()`.',
    '- string: a string session holds no peers by design (only what reconnecting needs), so its rows time the export/import of that string.',
    '',
  ].join('\n');
  console.log(`\n${md}`);
  if (options.write) {
    writeFileSync(path.join(options.resultsDir, 'storage.md'), md);
    writeFileSync(
      path.join(options.resultsDir, 'storage.json'),
      `${JSON.stringify({ machine, peers: PEERS, runs, clock: options.clock, rows }, null, 2)}\n`,
    );
  }
}

export const suite: Suite = {
  name: 'storage',
  description: 'session save/load with 10 000 cached peers: memory, file, string, libSQL file:',
  ops: OPS,
  run,
};
