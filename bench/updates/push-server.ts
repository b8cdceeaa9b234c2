/**
 * The test server in its own process for the push → handler latency bench
 * (bench/updates/latency.ts), so the client's event loop is not shared with
 * the server's. It pushes `updateNewMessage`s (in `updates` containers, with
 * correct pts) to an account at a fixed rate; each message's text is the
 * send time (`performance.timeOrigin + performance.now()`, ms) so the client
 * can compute the latency on arrival. Loopback only.
 *
 * Arguments: the phone numbers of the accounts to create (DC 2 test numbers).
 *
 * stdout, one JSON line when listening:
 *   `{ "ready": true, "dcs", "rsa": { n, e, fingerprint } (hex), "publicKeyPem" }`
 * stdin, one command per line, each answered with one JSON line:
 *   `push <phone> <perSecond> <total>` → `{ "pushed": total, "ms": elapsed }` when all were sent
 *   `stop` → `{ "stopped": true }`, then exit.
 */
import { createInterface } from 'node:readline';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { ScriptedWorld, TelegramBackend, TestServer } from '../../ts/testing/index.js';
import type { Update } from '../../ts/tl/generated/types.js';

const hex = (v: bigint) => v.toString(16);
const nowMs = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const crypto = await createCryptoProvider();
  const backend = new TelegramBackend({ dcCount: 2, ptsLogLimit: 2000 });
  const server = await TestServer.start({
    dcs: [2],
    crypto,
    backend,
    websocket: false,
    gzipThreshold: false,
    onError: (e) => process.stderr.write(`push server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
  });
  const world = new ScriptedWorld(backend);
  const sender = world.user({ firstName: 'Sender' });
  // The accounts the bench's clients sign in as (mtcute cannot sign up).
  for (const phone of process.argv.slice(2).filter((a) => /^\d+$/.test(a)))
    backend.addUser({ phone, firstName: `Bench ${phone.slice(-3)}` });
  const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  reply({
    ready: true,
    dcs: server.dcs,
    rsa: { n: hex(server.rsaPublicKey.n), e: hex(server.rsaPublicKey.e), fingerprint: hex(server.rsaPublicKey.fingerprint) },
    publicKeyPem: server.publicKeyPem,
  });

  let nextId = 1;
  const push = async (phone: string, perSecond: number, total: number) => {
    const user = backend.users.byPhone(phone);
    if (!user) return reply({ error: `no account ${phone}` });
    const peer = { _: 'peerUser' as const, user_id: sender.id };
    const lists = backend.peerLists(user.id, [{ kind: 'user', id: sender.id }]);
    const t0 = performance.now();
    let sent = 0;
    while (sent < total) {
      // As many as are due by now (a steady rate, not bursts of a timer tick's worth when on time).
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * perSecond) + 1);
      for (; sent < due; sent++) {
        const id = nextId++;
        const date = backend.now();
        const u: Update = backend.updates.pushAccount(user.id, 1, (pts, pts_count) => ({
          _: 'updateNewMessage',
          message: { _: 'message', id, peer_id: peer, from_id: peer, date, message: String(nowMs()) },
          pts,
          pts_count,
        }));
        backend.publish(user.id, { _: 'updates', updates: [u], users: lists.users, chats: lists.chats, date, seq: 0 });
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    reply({ pushed: total, ms: performance.now() - t0 });
  };

  const stop = async () => {
    world.close();
    await server.stop();
    reply({ stopped: true });
    process.exit(0);
  };
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [cmd, ...args] = line.trim().split(/\s+/);
    if (cmd === 'push') void push(args[0]!, Number(args[1]), Number(args[2]));
    else if (cmd === 'stop') void stop();
    else if (cmd) reply({ error: `unknown command ${cmd}` });
  });
  lines.on('close', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`push server failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
