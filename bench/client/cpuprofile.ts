/**
 * Reads the V8 CPU profiles (`node --cpu-prof`) of a directory and says where
 * the samples fell, averaged over the profiles: self time per file (chunk
 * hashes dropped, so runs compare) and per function, plus the inclusive time
 * of the functions given by name. Used by cold-phases.ts `--prof`.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const shortUrl = (url: string) =>
  url === ''
    ? '(native)'
    : url
        .replace(/^file:\/\//, '')
        .replace(/^.*\/(dist|node_modules)\//, '$1/')
        .replace(/-[\w-]{8}\.(c?js)$/, '.$1');

/** Self time (ms) per key, and inclusive time per function name, of one profile. */
function analyze(p: Profile, inclusiveOf: readonly string[]) {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const byFile = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const file = shortUrl(n.callFrame.url);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  // Inclusive: a node's subtree, counted once per name even when the function recurses.
  const inclusive = new Map<string, number>();
  const walk = (id: number, open: Set<string>): number => {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName;
    const counted = inclusiveOf.includes(name) && !open.has(name);
    if (counted) open.add(name);
    let total = self.get(id) ?? 0;
    for (const c of n.children ?? []) total += walk(c, open);
    if (counted) {
      open.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + total);
    }
    return total;
  };
  walk(p.nodes[0]!.id, new Set());
  return { byFile, byFn, inclusive };
}

/** A text report of every `*.cpuprofile` in `dir` (means over the files). */
export function summarizeProfiles(
  dir: string,
  inclusiveOf: readonly string[] = ['unpackSchema', 'loadCryptoModule', 'loadCryptoModuleSync', 'loadBignumModule', 'createCryptoProvider'],
  top = 25,
): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const sum = { byFile: new Map<string, number>(), byFn: new Map<string, number>(), inclusive: new Map<string, number>() };
  for (const f of files) {
    const a = analyze(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Profile, inclusiveOf);
    for (const k of ['byFile', 'byFn', 'inclusive'] as const) for (const [key, v] of a[k]) sum[k].set(key, (sum[k].get(key) ?? 0) + v);
  }
  const lines = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${(v / files.length).toFixed(2).padStart(7)} ms  ${k}`);
  return [
    `  CPU profile (${files.length} processes, mean ms per process; "(program)" is mostly parsing and compiling JavaScript, "(idle)" waiting for I/O):`,
    '  self time by file:',
    ...lines(sum.byFile, 15),
    '  self time by function:',
    ...lines(sum.byFn, top),
    '  inclusive time of:',
    ...lines(sum.inclusive, inclusiveOf.length),
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) console.log(summarizeProfiles(process.argv[2] ?? '.'));
