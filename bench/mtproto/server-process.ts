/**
 * The test server in its own process, so the benchmark's client numbers are
 * the client's CPU only. Started by `server.ts` (or by hand:
 * `node --import tsx bench/mtproto/server-process.ts`); loopback only.
 *
 * stdout, one JSON line when listening:
 *   `{ "ready": true, "pid", "dcs": [{ id, host, port, wsPort }], "rsa": { n, e, fingerprint } (hex), "publicKeyPem" }`
 * stdin, one command per line, each answered with one JSON line:
 *   `cpu`  → `{ "cpuMs", "rssMiB", "stats" }` (this process's user+system CPU so far, ServerStats)
 *   `stop` → `{ "stopped": true }`, then exit.
 *
 * Results are never gzip_packed here (`gzipThreshold: false`): Telegram does
 * not pack file parts, and the emulator would otherwise try to deflate every
 * 512 KiB `upload.getFile` answer (see bench/mtproto/README.md).
 */
import { createInterface } from 'node:readline';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { TestServer } from '../../ts/testing/index.js';

const hex = (v: bigint) => v.toString(16);

async function main(): Promise<void> {
  const dcsArg = process.argv.find((a) => a.startsWith('--dcs='));
  const dcs = dcsArg ? dcsArg.slice(6).split(',').map(Number) : [2];
  const crypto = await createCryptoProvider();
  const server = await TestServer.start({
    dcs,
    crypto,
    websocket: false,
    gzipThreshold: false,
    onError: (e) => process.stderr.write(`bench server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
  });
  const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  reply({
    ready: true,
    pid: process.pid,
    engine: crypto.engine,
    dcs: server.dcs,
    rsa: { n: hex(server.rsaPublicKey.n), e: hex(server.rsaPublicKey.e), fingerprint: hex(server.rsaPublicKey.fingerprint) },
    publicKeyPem: server.publicKeyPem,
  });

  const stop = async () => {
    await server.stop();
    reply({ stopped: true });
    process.exit(0);
  };
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const cmd = line.trim();
    if (cmd === 'cpu') {
      const u = process.cpuUsage();
      reply({ cpuMs: (u.user + u.system) / 1000, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), stats: server.stats });
    } else if (cmd === 'stop') {
      void stop();
    } else if (cmd) {
      reply({ error: `unknown command ${cmd}` });
    }
  });
  // The parent went away: do not linger.
  lines.on('close', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`bench server failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
