/**
 * mtcute's side of the history bench (@mtcute/core 0.30's TelegramClient
 * through tests/testing/_mtcute.ts: its own transport, crypto and TL):
 * sign in, then `tg.iterHistory('@channel')`, timed by measure.ts.
 *   stdin: the job (job.ts); stdout: one JSON line.
 */
import { readFileSync } from 'node:fs';
import type { TestServer } from '../../ts/testing/index.js';
import { mtcuteClient } from '../../tests/testing/_mtcute.js';
import type { HistoryJob } from './job.js';
import { measureIterations } from './measure.js';

const job = JSON.parse(readFileSync(0, 'utf8')) as HistoryJob;
// _mtcute.ts reads the key and a DC's address from a TestServer; the job carries both.
const target = {
  publicKeyPem: job.publicKeyPem,
  dc: (id: number) => {
    const d = job.dcs.find((x) => x.id === id);
    if (!d) throw new Error(`no DC ${id}`);
    return d;
  },
} as unknown as TestServer;
const tg = await mtcuteClient(target, 2);
await tg.start({ phone: job.phone, code: () => job.code, codeSentCallback: () => {} });
const result = await measureIterations(job, async (limit, onMessage) => {
  let n = 0;
  for await (const m of tg.iterHistory(`@${job.channel}`, { limit })) {
    onMessage(m.id);
    n++;
  }
  return n;
});
// @mtcute/core does not export its package.json.
const version = (
  JSON.parse(readFileSync(new URL('../../node_modules/@mtcute/core/package.json', import.meta.url), 'utf8')) as { version: string }
).version;
process.stdout.write(`${JSON.stringify({ ...result, version })}\n`);
await tg.destroy();
process.exit(0);
