/**
 * PQ factorization latency: each implementation factorizes the same seeded
 * semiprimes, one timed call per number, interleaved. The BigInt peers take
 * tens to hundreds of milliseconds per number, so they stop after a time
 * budget and report over the prefix of the set they reached.
 */
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { type Clock, compareLatency, type Latency, type LatencySubject } from '../lib/timing.js';
import type { Engines } from './cases.js';
import { OURS } from './cases.js';
import { semiprimes, type Semiprime } from './fixtures.js';
import type { BigInteger, Loaded, Peers } from './peers.js';

export interface PqPlan {
  /** Numbers in the set (wasmgram runs all of them). */
  count: number;
  /** Untimed numbers per implementation first. */
  warmup: number;
  /** Time budget per peer implementation, ms. */
  peerBudgetMs: number;
}

interface PqInput extends Semiprime {
  /** Big-endian bytes, as @mtcute/core takes pq from the wire. */
  bytes: Uint8Array;
  /** big-integer value for GramJS (created lazily, outside the timed call). */
  gram?: BigInteger;
}

function toBytes(n: bigint): Uint8Array {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

function fromBytes(b: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
}

interface PqImpl {
  impl: string;
  factor: (x: PqInput) => [bigint, bigint] | { p: BigInteger; q: BigInteger } | [Uint8Array, Uint8Array];
  /** Converts the implementation's answer to bigints. */
  read: (r: never) => [bigint, bigint];
  budgetMs: number;
}

export interface PqResult {
  latencies: Latency[];
  notRun: { impl: string; reason: string }[];
  count: number;
}

export function runPq(engines: Engines, peers: Peers, plan: PqPlan, clock: Clock = 'wall', seed = 0x70a): PqResult {
  const set: PqInput[] = semiprimes(plan.count + plan.warmup, seed).map((s) => ({ ...s, bytes: toBytes(s.pq) }));
  const warm = set.slice(0, plan.warmup);
  const inputs = set.slice(plan.warmup);
  const impls: PqImpl[] = [];
  const notRun: PqResult['notRun'] = [];
  const add = <T>(impl: string, lib: Loaded<T>, make: (v: T) => Omit<PqImpl, 'impl'>) => {
    if (!lib.ok) notRun.push({ impl, reason: lib.reason });
    else impls.push({ impl, ...make(lib.value) });
  };
  for (const name of OURS) {
    add(name, engines[name], (p: CryptoProvider) => ({
      factor: (x) => p.factorizePQ(x.pq),
      read: ((r: [bigint, bigint]) => r) as PqImpl['read'],
      budgetMs: Number.POSITIVE_INFINITY,
    }));
  }
  add('gramjs', peers.gramjs, (g) => {
    for (const x of set) x.gram = g.bigInt(x.pq.toString());
    return {
      factor: (x) => g.factorize(x.gram!),
      read: ((r: { p: BigInteger; q: BigInteger }) => [BigInt(r.p.toString()), BigInt(r.q.toString())]) as PqImpl['read'],
      budgetMs: plan.peerBudgetMs,
    };
  });
  add('mtcute', peers.mtcute, (m) => ({
    factor: (x) => m.factorizePQSync(m.provider, x.bytes),
    read: ((r: [Uint8Array, Uint8Array]) => [fromBytes(r[0]), fromBytes(r[1])]) as PqImpl['read'],
    budgetMs: plan.peerBudgetMs,
  }));

  // Correctness guard on the first number of the set.
  const checked: PqImpl[] = [];
  const probe = inputs[0]!;
  for (const impl of impls) {
    try {
      const [p, q] = impl.read(impl.factor(probe) as never);
      const [lo, hi] = p < q ? [p, q] : [q, p];
      if (lo !== probe.p || hi !== probe.q) throw new Error(`factorized ${probe.pq} as ${p}·${q}`);
      checked.push(impl);
    } catch (e) {
      notRun.push({ impl: impl.impl, reason: `wrong output: ${e instanceof Error ? e.message : e}` });
    }
  }

  const subjects: LatencySubject<PqInput>[] = checked.map((i) => ({ name: i.impl, run: i.factor, budgetMs: i.budgetMs }));
  return { latencies: compareLatency(subjects, inputs, warm, clock), notRun, count: inputs.length };
}
