/**
 * The client's CPU for one auth key exchange, per modular-exponentiation
 * engine, and the 2048-bit modPow those numbers are made of.
 *
 * 1. `modPow`: g_a^b mod dh_prime with a 2048-bit b (the heavier of the two
 *    exponentiations of the client's DH step), one timed call per sample,
 *    implementations interleaved: wasmgram's engines (`modExp` with the
 *    engine forced) and the peers' own code for the same operation — mtcute
 *    (@fuman/utils `modPowBinary`, what its key exchange calls) and GramJS
 *    (big-integer's `modPow`).
 * 2. `exchanges`: the whole exchange in one process without sockets: client
 *    steps (`startKeyExchange`..`finishKeyExchange`) against the server steps, only the client
 *    steps timed. The
 *    engine is switched with `configureModExp` around the client's steps;
 *    `bigint` is the code path before the WASM/OpenSSL engines (the JS
 *    sliding-window `modPow`).
 *
 * Every sample is timed with the process's CPU time (`process.cpuUsage`,
 * user + system): the code is synchronous, so that is the client's CPU cost,
 * and other processes on a shared machine do not inflate it.
 */
import { createRequire } from 'node:module';
import { bytesToBigInt } from '../../ts/crypto/bigint.js';
import { TELEGRAM_DH_PRIME } from '../../ts/crypto/dh.js';
import { configureModExp, type ModExpDefaults, modExp } from '../../ts/crypto/modexp.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { rsaKeyFingerprint } from '../../ts/crypto/rsa.js';
import { finishKeyExchange, requestDhParams, setClientDhParams, startKeyExchange } from '../../ts/mtproto/handshake/index.js';
import { answerReqPq, answerReqDhParams, answerSetClientDhParams } from '../../ts/mtproto/server-side.js';
import { generateServerKeyPair } from '../../ts/testing/server/node-rsa-key.js';
import { median, percentile } from '../lib/stats.js';
import { SeededRandom } from '../lib/rng.js';

/** A modExp configuration under test. */
interface EngineCase {
  name: string;
  label: string;
  config: ModExpDefaults;
}

const ENGINES: EngineCase[] = [
  { name: 'bigint', label: 'BigInt in JS (before: the previous code path)', config: { engine: 'bigint' } },
  { name: 'wasm-plain', label: 'WASM, plain build (no SIMD)', config: { engine: 'wasm', simd: false } },
  { name: 'wasm-simd', label: 'WASM, SIMD build (browsers, Deno, Bun, edge)', config: { engine: 'wasm', simd: true } },
  { name: 'auto', label: 'auto on Node: OpenSSL routes (the default here)', config: { engine: 'auto', simd: undefined } },
];

interface LatencyRow {
  impl: string;
  label: string;
  medianMs: number;
  p95Ms: number;
  samples: number;
}

interface ExchangeRow extends LatencyRow {
  /** Median ms of step 3 + finish (DH checks, g^b, g_a^b, hashes). */
  dhMedianMs: number;
}

export interface KeyExchangeCpu {
  modPow: LatencyRow[];
  exchanges: ExchangeRow[];
  unavailable: { impl: string; reason: string }[];
}

export interface KeyExchangeCpuPlan {
  /** modPow samples per implementation (GramJS stops at its budget). */
  modPowSamples: number;
  /** Exchanges per engine (after one untimed). */
  exchanges: number;
  /** Time budget for the slow peers' modPow, ms. */
  peerBudgetMs: number;
}

type ModPowFn = (base: bigint, exp: bigint, mod: bigint) => bigint;

function loadPeers(unavailable: KeyExchangeCpu['unavailable']): { impl: string; label: string; run: ModPowFn }[] {
  const out: { impl: string; label: string; run: ModPowFn }[] = [];
  const require = createRequire(import.meta.url);
  try {
    const mtcuteRequire = createRequire(require.resolve('@mtcute/core'));
    const fuman = mtcuteRequire('@fuman/utils') as { bigint: { modPowBinary: ModPowFn } };
    out.push({ impl: 'mtcute', label: 'mtcute (@fuman/utils modPowBinary, BigInt)', run: fuman.bigint.modPowBinary });
  } catch (e) {
    unavailable.push({ impl: 'mtcute', reason: e instanceof Error ? e.message : String(e) });
  }
  try {
    const telegramRequire = createRequire(require.resolve('telegram'));
    type Big = { modPow(e: Big, m: Big): Big; toString(radix?: number): string };
    const bigInt = telegramRequire('big-integer') as (v: string, radix?: number) => Big;
    out.push({
      impl: 'gramjs',
      label: 'GramJS (big-integer modPow)',
      run: (b, e, m) =>
        BigInt(
          `0x${bigInt(b.toString(16), 16)
            .modPow(bigInt(e.toString(16), 16), bigInt(m.toString(16), 16))
            .toString(16)}`,
        ),
    });
  } catch (e) {
    unavailable.push({ impl: 'gramjs', reason: e instanceof Error ? e.message : String(e) });
  }
  return out;
}

/** CPU milliseconds of this process (user + system) since start. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function summarize(impl: string, label: string, samples: number[]): LatencyRow {
  return { impl, label, medianMs: median(samples), p95Ms: percentile(samples, 95), samples: samples.length };
}

function measureModPow(plan: KeyExchangeCpuPlan, unavailable: KeyExchangeCpu['unavailable']): LatencyRow[] {
  const rng = new SeededRandom(0x2048);
  const random = (n: number) => bytesToBigInt(rng.bytes(n));
  const p = TELEGRAM_DH_PRIME;
  const inputs = Array.from({ length: plan.modPowSamples + 1 }, () => ({ gA: random(256) % p, b: random(256) }));
  const impls: { impl: string; label: string; run: ModPowFn; budgetMs: number }[] = [
    ...ENGINES.map((e) => ({
      impl: `wasmgram ${e.name}`,
      label: e.label,
      run: ((b: bigint, x: bigint, m: bigint) => {
        const before = configureModExp(e.config);
        try {
          return modExp(b, x, m);
        } finally {
          configureModExp(before);
        }
      }) as ModPowFn,
      budgetMs: Number.POSITIVE_INFINITY,
    })),
    ...loadPeers(unavailable).map((p) => ({ ...p, budgetMs: plan.peerBudgetMs })),
  ];
  // Correctness guard: every implementation must agree with the BigInt reference.
  const probe = inputs[0]!;
  const expected = modExp(probe.gA, probe.b, p, { engine: 'bigint' });
  const checked = impls.filter((i) => {
    const ok = i.run(probe.gA, probe.b, p) === expected;
    if (!ok) unavailable.push({ impl: i.impl, reason: 'wrong output' });
    return ok;
  });
  const samples = checked.map(() => [] as number[]);
  const spent = checked.map(() => 0);
  for (const x of inputs.slice(1)) {
    checked.forEach((impl, j) => {
      if (spent[j]! > impl.budgetMs) return;
      const t0 = cpuMs();
      impl.run(x.gA, x.b, p);
      const dt = cpuMs() - t0;
      spent[j]! += dt;
      samples[j]!.push(dt);
    });
  }
  return checked.map((impl, j) => summarize(impl.impl, impl.label, samples[j]!));
}

function measureExchanges(crypto: CryptoProvider, plan: KeyExchangeCpuPlan): ExchangeRow[] {
  const { rsaKey } = generateServerKeyPair();
  const rsaPublicKey = { n: rsaKey.n, e: rsaKey.e, fingerprint: rsaKeyFingerprint(rsaKey, crypto) };
  const totals = ENGINES.map(() => [] as number[]);
  const dh = ENGINES.map(() => [] as number[]);
  for (let round = 0; round <= plan.exchanges; round++) {
    ENGINES.forEach((engine, j) => {
      let client = 0;
      let dhMs = 0;
      // Only the client's steps run on the engine under test; the server's use the default.
      const timed = <T>(f: () => T, isDh = false): T => {
        const before = configureModExp(engine.config);
        const t0 = cpuMs();
        try {
          return f();
        } finally {
          const dt = cpuMs() - t0;
          client += dt;
          if (isDh) dhMs += dt;
          configureModExp(before);
        }
      };
      const c1 = timed(() => startKeyExchange({ crypto, dcId: 2, rsaKeys: [rsaPublicKey] }));
      const s1 = answerReqPq({ crypto, rsaKey, dcId: 2 }, c1.request);
      const c2 = timed(() => requestDhParams(c1.state, s1.response));
      const s2 = answerReqDhParams(s1.state, c2.request);
      const c3 = timed(() => setClientDhParams(c2.state, s2.response), true);
      const s3 = answerSetClientDhParams(s2.state, c3.request);
      const done = timed(() => finishKeyExchange(c3.state, s3.response), true);
      if (done.kind !== 'done') throw new Error('key exchange did not finish in one attempt');
      if (round > 0) {
        totals[j]!.push(client);
        dh[j]!.push(dhMs);
      }
    });
  }
  return ENGINES.map((e, j) => ({ ...summarize(e.name, e.label, totals[j]!), dhMedianMs: median(dh[j]!) }));
}

/** Both measurements; see the module comment. */
export function measureKeyExchangeCpu(crypto: CryptoProvider, plan: KeyExchangeCpuPlan): KeyExchangeCpu {
  const unavailable: KeyExchangeCpu['unavailable'] = [];
  const modPow = measureModPow(plan, unavailable);
  const exchanges = measureExchanges(crypto, plan);
  return { modPow, exchanges, unavailable };
}
