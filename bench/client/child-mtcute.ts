/**
 * mtcute in a fresh process, through bench/mtproto/mtcute.ts (its `MtClient`
 * with the Node pieces @mtcute/node would give written out there, since
 * @mtcute/node is not installed). TypeScript, so this child runs under tsx:
 * its timings exclude the import (the login is timed from a new client to
 * signed in), and its memory row carries tsx's share, shown by the
 * `node + tsx` baseline row.
 *   argv: mode (login | idle), then a JSON job on stdin; stdout: one JSON line.
 */
import { readFileSync } from 'node:fs';
import { serverInfoFromJson, type ServerInfoJson } from '../mtproto/server.js';
import { loadMtcute } from '../mtproto/mtcute.js';

const mode = process.argv[2];
const job = JSON.parse(readFileSync(0, 'utf8')) as { server: ServerInfoJson; phone: string; idleMs: number };
const impl = await loadMtcute(serverInfoFromJson(job.server));
const t0 = performance.now();
const client = await impl.openSignedIn(job.phone);
const ms = performance.now() - t0;
const dc = await client.nearestDc();
if (dc !== 2) throw new Error(`help.getNearestDc answered ${dc}`);
if (mode === 'idle') {
  await new Promise((r) => setTimeout(r, job.idleMs));
  globalThis.gc?.();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ ms, heapUsed: m.heapUsed, rss: m.rss, external: m.external + m.arrayBuffers })}\n`);
} else process.stdout.write(`${JSON.stringify({ ms, version: impl.version })}\n`);
await client.close();
process.exit(0);
