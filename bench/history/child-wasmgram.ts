/**
 * wasmgram's side of the history bench, in a process of its own (run under
 * tsx from the sources, like the mtcute child): sign in, then
 * `client.iterHistory('@channel')` over every message, timed by
 * bench/history/measure.ts.
 *   stdin: the job (bench/history/job.ts); stdout: one JSON line.
 */
import { readFileSync } from 'node:fs';
import { TelegramClient } from '../../ts/client/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import type { HistoryJob } from './job.js';
import { measureIterations } from './measure.js';

const job = JSON.parse(readFileSync(0, 'utf8')) as HistoryJob;
const client = new TelegramClient({
  apiId: 1,
  apiHash: 'bench',
  storage: new MemoryStorage(),
  updates: false,
  testServer: {
    dcs: job.dcs.map((d) => ({ id: d.id, host: d.host, port: d.port })),
    rsaPublicKey: { n: BigInt(`0x${job.rsa.n}`), e: BigInt(`0x${job.rsa.e}`), fingerprint: BigInt(`0x${job.rsa.fingerprint}`) },
  },
});
await client.start({ phone: job.phone, code: job.code });
const result = await measureIterations(job, async (limit, onMessage) => {
  let n = 0;
  for await (const m of client.iterHistory(`@${job.channel}`, { limit })) {
    onMessage(m.id);
    n++;
  }
  return n;
});
process.stdout.write(`${JSON.stringify({ ...result, version: 'sources' })}\n`);
await client.close();
process.exit(0);
