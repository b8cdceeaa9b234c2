/**
 * The browser example by hand, offline: starts a test server with two
 * accounts — Alice, whom the page logs in as (this terminal is her phone),
 * and Bob (@bob_smith, who answers every message) — and Vite's dev server for the
 * page, then prints the page's address. Paste the `tg://login?token=…` link
 * the page shows into this terminal to accept it as Alice.
 *
 * ```sh
 * npm run build && node --import tsx examples/browser/dev.ts
 * ```
 *
 * The page imports `wasmgram` from the built package (dist/), as an app would.
 */
import readline from 'node:readline';
import { createServer } from 'vite';
import { TimeoutError } from '../../ts/errors.js';
import { ScriptedWorld, TestServer } from '../../ts/testing/index.js';

const server = await TestServer.start({ dcs: [2] });
const world = new ScriptedWorld(server.backend);
const alice = world.user({ firstName: 'Alice' });
const bob = world.user({ firstName: 'Bob', username: 'bob_smith' });
const dc = server.dcs[0]!;
const vite = await createServer({ root: import.meta.dirname, server: { host: '127.0.0.1', port: 5173 }, logLevel: 'warn' });
await vite.listen();
const query = new URLSearchParams({ ws: `${dc.host}:${dc.wsPort}`, dc: String(dc.id), pem: server.publicKeyPem });
console.log(`Open ${vite.resolvedUrls!.local[0]}?${query}`);
console.log('Then paste the tg://login link the page shows here to accept it as Alice; write to @bob_smith and he answers. Ctrl+C stops.');

let stopping = false;
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const link = line.trim();
  if (!link.startsWith('tg://login')) return;
  alice.scanLoginQr(link).then(
    () => console.log('Accepted: the page signs in as Alice.'),
    (e: unknown) => console.log(`Not accepted: ${e instanceof Error ? e.message : String(e)}`),
  );
});

async function stop(): Promise<void> {
  stopping = true;
  lines.close();
  world.close();
  await vite.close();
  await server.stop();
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
lines.once('close', () => void stop());

// Bob answers whatever reaches him.
while (!stopping) {
  try {
    const m = await bob.waitForMessage({ timeoutMs: 1000 });
    await bob.reply(m, `Bob got: ${m.text}`);
  } catch (e) {
    if (!(e instanceof TimeoutError)) console.log(`Bob could not answer: ${e instanceof Error ? e.message : String(e)}`);
  }
}
