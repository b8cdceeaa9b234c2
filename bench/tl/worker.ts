/**
 * One measurement in a fresh process, so no other library's code, heap or
 * garbage shares it (interleaved in one process, one codec's garbage slowed
 * the other by up to 2×):
 *
 *   node --expose-gc --import tsx bench/tl/worker.ts <impl> <op> <case> <ms> [--warmup=ms] [--slices=n] [--clock=wall|cpu]
 *
 * Loads only `<impl>`, prepares `<op>` on `<case>`, warms it up, then times
 * `<ms>` milliseconds split in `--slices` slices (young-generation GC before
 * each) and prints one JSON line: `{ impl, op, case, size, opsPerSec, slices }`,
 * `opsPerSec` being the median over the slices. The parent (runner.ts) runs
 * this several times per measurement, alternating implementations.
 */
import { CASES, type CaseName } from './fixtures.js';
import { isImplName, isUnsupported, loadImpl, OPS, type Op } from './impls.js';
import { type Clock, compareThroughput, gcAvailable } from '../lib/timing.js';

export interface WorkerResult {
  impl: string;
  op: Op;
  case: CaseName;
  size: number;
  opsPerSec: number;
  slices: number[];
}

async function main(argv: readonly string[]): Promise<void> {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const flag = (name: string, fallback: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const [implName, op, c, msText] = positional;
  if (!implName || !isImplName(implName)) throw new Error(`unknown impl "${implName}"`);
  if (!(OPS as readonly string[]).includes(op ?? '')) throw new Error(`op must be ${OPS.join(' or ')}, got "${op}"`);
  if (!(CASES as readonly string[]).includes(c ?? '')) throw new Error(`case must be one of ${CASES.join(', ')}, got "${c}"`);
  const ms = Number(msText);
  if (!(ms > 0)) throw new Error(`<ms> must be a positive number, got "${msText}"`);
  const warmupMs = Number(flag('warmup', '150'));
  const slices = Math.max(1, Math.floor(Number(flag('slices', '5'))));
  const clock = flag('clock', 'wall') as Clock;
  if (clock !== 'wall' && clock !== 'cpu') throw new Error(`--clock must be wall or cpu, got "${clock}"`);
  if (!gcAvailable()) throw new Error('run with node --expose-gc');

  const impl = await loadImpl(implName);
  const prepared = await impl.prepare(op as Op, c as CaseName);
  if (isUnsupported(prepared)) throw new Error(`${implName} cannot ${op} ${c}: ${prepared.unsupported}`);
  const [result] = await compareThroughput([{ name: implName, run: prepared.run, ...(prepared.async ? { async: true } : {}) }], {
    warmupMs,
    rounds: slices,
    roundMs: ms / slices,
    fullGc: true,
    clock,
  });
  const out: WorkerResult = {
    impl: implName,
    op: op as Op,
    case: c as CaseName,
    size: prepared.size,
    opsPerSec: result!.opsPerSec,
    slices: result!.perRound,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
