/**
 * FaultRelay between a `Connection` (ts/network) and the `TestServer`: for
 * each fault — delay, stall, cut mid-frame (both directions), drop,
 * duplicate, reorder, half-open, refused and black-holed reconnects — the
 * invariants of issue 10 hold: every `invoke` settles exactly once (a result
 * or a typed `WasmgramError`) within its deadline, no query runs more often
 * than it was invoked (a re-sent msg_id is answered from the server's
 * cache), and once the fault ends the client works again.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { WasmgramError } from '../../ts/errors.js';
import { Connection, type ConnectionOptions } from '../../ts/network/index.js';
import { FaultRelay, type TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { startServer, until } from './server-harness.js';

let server: TestServer;
let crypto: CryptoProvider;

test.before(async () => {
  crypto = await createCryptoProvider();
  server = await startServer({ dcs: [2], crypto });
});

test.after(async () => {
  await server.stop();
});

const INIT = {
  api_id: 1,
  device_model: 'relay tests',
  system_version: 'node',
  app_version: '0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};

/** A seeded [0, 1) source so probabilistic faults replay. */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface Rig {
  relay: FaultRelay;
  conn: Connection;
}

/** A relay in front of DC 2 and a connected, warmed-up Connection through it. */
async function rig(seed: number, extra: Partial<ConnectionOptions> = {}): Promise<Rig> {
  const dc = server.dc(2);
  const relay = await FaultRelay.start({ target: dc, random: seeded(seed) });
  const conn = new Connection({
    crypto,
    sockets: createNodeTcpFactory(),
    dcId: 2,
    host: relay.host,
    port: relay.port,
    rsaKeys: [server.rsaPublicKey],
    initConnection: INIT,
    reconnect: { initialMs: 20, maxMs: 200, giveUpAfterMs: 5000 },
    random: seeded(seed + 1),
    ...extra,
  });
  conn.on('error', () => {}); // transport errors are expected here
  await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 });
  return { relay, conn };
}

async function teardown(r: Rig): Promise<void> {
  r.conn.close();
  await r.relay.stop();
}

const executions = () => server.stats.rpcCalls['help.getConfig'] ?? 0;

interface Outcome {
  ok: number;
  failed: WasmgramError[];
}

/**
 * Starts `n` invokes of help.getConfig, runs `during` (the fault), and waits
 * for all of them to settle (each at most once: a promise cannot settle
 * twice, so "exactly once" is "settled by the deadline"). Checks the
 * invariants and returns what happened.
 */
async function scenario(r: Rig, n: number, during: () => Promise<void>, timeoutMs = 4000): Promise<Outcome> {
  const before = executions();
  let settled = 0;
  const outcome: Outcome = { ok: 0, failed: [] };
  const calls = Array.from({ length: n }, () =>
    r.conn.invoke({ _: 'help.getConfig' }, { timeoutMs }).then(
      (config) => {
        settled++;
        assert.ok(config.dc_options.length > 0);
        outcome.ok++;
      },
      (e: unknown) => {
        settled++;
        assert.instance(e, WasmgramError, `a typed error, got ${String(e)}`);
        outcome.failed.push(e as WasmgramError);
      },
    ),
  );
  await during();
  await until(() => settled === n, `all ${n} invokes settled`, timeoutMs + 3000);
  await Promise.all(calls);
  const ran = executions() - before;
  assert.ok(ran <= n, `no query ran twice: ${ran} executions for ${n} invokes`);
  assert.ok(ran >= outcome.ok, `every result came from an execution: ${ran} executions, ${outcome.ok} results`);
  return outcome;
}

/** After the fault: the client answers again. */
async function recovers(r: Rig): Promise<void> {
  r.relay.clear();
  const config = await r.conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 });
  assert.ok(config.dc_options.length > 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('relay: no fault — 20 invokes, 20 results, 20 executions', async () => {
  const r = await rig(1);
  const before = executions();
  const out = await scenario(r, 20, async () => {});
  assert.is(out.ok, 20);
  assert.is(executions() - before, 20);
  assert.ok(r.relay.stats.bytesUp > 0 && r.relay.stats.bytesDown > 0);
  await teardown(r);
});

test('relay: delay with jitter on answers — everything arrives, in order, once', async () => {
  const r = await rig(2);
  r.relay.set('down', { delayMs: 80, jitterMs: 60 });
  const before = executions();
  const out = await scenario(r, 10, async () => {});
  assert.is(out.ok, 10);
  assert.is(executions() - before, 10);
  await recovers(r);
  await teardown(r);
});

test('relay: stall both ways, then release — nothing lost, nothing run twice', async () => {
  const r = await rig(3);
  r.relay.set('both', { stall: true });
  const before = executions();
  const out = await scenario(r, 10, async () => {
    await sleep(300);
    assert.is(executions(), before, 'nothing reached the server while stalled');
    r.relay.set('both', {});
  });
  assert.is(out.ok, 10);
  assert.is(executions() - before, 10);
  await teardown(r);
});

test('relay: requests cut mid-frame — the client reconnects and re-sends; each query runs at most once', async () => {
  const r = await rig(4);
  r.relay.set('up', { cutAfterBytes: 37 });
  const out = await scenario(r, 10, async () => {
    await until(() => r.relay.stats.cuts >= 1, 'the cut');
    r.relay.clear();
  });
  assert.is(out.ok, 10, `failures: ${out.failed.map(String).join('; ')}`);
  await recovers(r);
  await teardown(r);
});

test('relay: answers cut mid-frame — re-sent queries are answered from the cache, not run again', async () => {
  const r = await rig(5);
  const before = executions();
  const cachedBefore = server.stats.cachedAnswers;
  r.relay.set('down', { cutAfterBytes: 50 });
  const out = await scenario(r, 10, async () => {
    await until(() => r.relay.stats.cuts >= 1, 'the cut');
    r.relay.clear();
  });
  assert.is(out.ok, 10, `failures: ${out.failed.map(String).join('; ')}`);
  assert.is(executions() - before, 10, 'each query ran exactly once');
  assert.ok(server.stats.cachedAnswers > cachedBefore, 'lost answers came from the cache');
  await teardown(r);
});

test('relay: answers dropped — calls settle by their deadline, the client recovers', async () => {
  const r = await rig(6);
  r.relay.set('down', { drop: 1 });
  const out = await scenario(
    r,
    5,
    async () => {
      await sleep(200);
      r.relay.clear();
    },
    1500,
  );
  assert.is(out.ok + out.failed.length, 5);
  await recovers(r);
  await teardown(r);
});

test('relay: duplicated and reordered chunks — calls settle, nothing runs twice, the client recovers', async () => {
  const r = await rig(7);
  r.relay.set('down', { duplicate: 0.5, reorder: 0.3 });
  const out = await scenario(
    r,
    10,
    async () => {
      await sleep(300);
      r.relay.clear();
    },
    3000,
  );
  assert.is(out.ok + out.failed.length, 10);
  await recovers(r);
  await teardown(r);
});

test('relay: half-open (nothing passes, no close) — calls time out with TimeoutError; the client recovers', async () => {
  const r = await rig(8);
  r.relay.set('both', { halfOpen: true });
  const out = await scenario(r, 4, async () => {}, 800);
  assert.is(out.ok, 0);
  assert.ok(
    out.failed.every((e) => e.name === 'TimeoutError'),
    out.failed.map(String).join('; '),
  );
  await recovers(r);
  await teardown(r);
});

test('relay: connection cut while reconnects are refused, then black-holed — calls fail typed; recovery after', async () => {
  // A black-holed connection (TCP up, nothing ever answered) is only found
  // dead by the keep-alive ping (default: every 60 s, pong due in 15 s), so
  // this client pings fast; with the defaults recovery takes up to ≈ 75 s.
  const r = await rig(9, { session: { ping: { intervalMs: 300, timeoutMs: 200 } } });
  r.relay.acceptMode('close');
  r.relay.cutAll();
  const refused = await scenario(r, 3, async () => {}, 1000);
  assert.is(refused.ok, 0);
  r.relay.acceptMode('blackhole');
  r.relay.cutAll();
  const holed = await scenario(r, 3, async () => {}, 1000);
  assert.is(holed.ok, 0);
  await recovers(r);
  await teardown(r);
});

test.run();
