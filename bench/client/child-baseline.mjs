// An empty Node process: the floor under every row (process start, heap and RSS with no library).
import { readFileSync } from 'node:fs';
const job = JSON.parse(readFileSync(0, 'utf8'));
if (process.argv[2] === 'idle') await new Promise((r) => setTimeout(r, job.idleMs));
globalThis.gc?.();
const m = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ ms: 0, cpuMs: 0, sinceProcessStart: performance.now(), heapUsed: m.heapUsed, rss: m.rss, external: m.external + m.arrayBuffers })}\n`,
);
