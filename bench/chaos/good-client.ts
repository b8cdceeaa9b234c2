/**
 * The well-behaved client of the chaos benchmark, in its own process: one
 * wasmgram `Connection` that calls `help.getConfig` every 100 ms (timeout
 * 5 s) and prints one JSON line per call: `{ "t": start ms (epoch), "ms": latency, "ok": bool }`.
 * Argument: the server info as JSON (bench/mtproto/server.ts). Stops when stdin closes.
 */
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { Connection } from '../../ts/network/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { type ServerInfoJson, serverInfoFromJson } from '../mtproto/server.js';

const INTERVAL_MS = 100;

async function main(): Promise<void> {
  const info = serverInfoFromJson(JSON.parse(process.argv[2]!) as ServerInfoJson);
  const dc = info.dcs[0]!;
  const crypto = await createCryptoProvider();
  const conn = new Connection({
    crypto,
    sockets: createNodeTcpFactory(),
    dcId: dc.id,
    host: dc.host,
    port: dc.port,
    rsaKeys: [info.rsaPublicKey],
    initConnection: {
      api_id: 1,
      device_model: 'chaos bench',
      system_version: 'node',
      app_version: '0',
      system_lang_code: 'en',
      lang_pack: '',
      lang_code: 'en',
    },
    reconnect: { initialMs: 50, maxMs: 1000 },
  });
  conn.on('error', () => {});
  await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 30_000 });
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  const timer = setInterval(() => {
    const t = Date.now();
    const start = performance.now();
    conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 }).then(
      () => process.stdout.write(`${JSON.stringify({ t, ms: performance.now() - start, ok: true })}\n`),
      () => process.stdout.write(`${JSON.stringify({ t, ms: performance.now() - start, ok: false })}\n`),
    );
  }, INTERVAL_MS);
  process.stdin.resume();
  process.stdin.on('end', () => {
    clearInterval(timer);
    conn.close();
    process.exit(0);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`good client failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
