/**
 * Test server resource limits (issue 10, findings 5 and 9): a connection
 * that never completes a frame, never authenticates or goes silent is
 * closed; an unauthenticated peer cannot make the server buffer more than
 * the cap (while a real client's large first packet under a known key
 * passes); the connection cap holds; key exchanges queue behind a bounded
 * number of slots and all complete. Before these limits, each of these
 * connections stayed open for good.
 */
import { connect, type Socket } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RpcError, ArgumentError } from '../../ts/errors.js';
import { ClientHandshake } from '../../ts/mtproto/index.js';
import { DEFAULT_LIMITS, type TestServer } from '../../ts/testing/index.js';
import { HandshakeQueue } from '../../ts/testing/server/handshake-queue.js';
import { resolveLimits } from '../../ts/testing/server/limits.js';
import { createIntermediateCodec } from '../../ts/transport/intermediate.js';
import { getCrypto, SessionClient, until, withServer } from './server-harness.js';

/** A raw TCP socket to DC 2 that records whether it was closed and how many bytes came back. */
async function raw(server: TestServer): Promise<{ sock: Socket; closed: () => boolean; received: () => number }> {
  const dc = server.dc(2);
  const sock = connect(dc.port, dc.host);
  let closed = false;
  let received = 0;
  sock.on('data', (b) => (received += b.length));
  sock.on('error', () => {});
  sock.on('close', () => (closed = true));
  await new Promise<void>((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  return { sock, closed: () => closed, received: () => received };
}

const INTERMEDIATE = Uint8Array.of(0xee, 0xee, 0xee, 0xee);
const NO_TIMEOUTS = { firstFrameTimeoutMs: 0, handshakeTimeoutMs: 0, idleTimeoutMs: 0 };

test('limits: the defaults are documented values, and bad values are refused', async () => {
  await withServer(async (server) => {
    assert.equal(server.limits, DEFAULT_LIMITS);
    assert.ok(DEFAULT_LIMITS.maxUnauthenticatedBytes <= 64 * 1024, 'far below 16 MiB');
  });
  assert.throws(
    () => resolveLimits({ maxConnections: 0 }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => resolveLimits({ idleTimeoutMs: -1 }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => resolveLimits({ maxConcurrentHandshakes: Number.NaN }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.is(resolveLimits({ idleTimeoutMs: 0 }).idleTimeoutMs, 0, '0 turns a timeout off');
});

test('limits: a connection that sends 8 bytes and never a whole frame is closed at the first-frame deadline', async () => {
  await withServer(
    async (server) => {
      const silent = await raw(server);
      const partial = await raw(server);
      partial.sock.write(Uint8Array.of(...INTERMEDIATE, 0x10, 0, 0, 0));
      await until(() => silent.closed() && partial.closed(), 'both connections closed');
      assert.is(server.stats.limitCloses['first-frame'], 2);
      await until(() => server.connectionCount() === 0, 'no connection left');
    },
    { limits: { ...NO_TIMEOUTS, firstFrameTimeoutMs: 150 } },
  );
});

test('limits: a connection that starts a key exchange and stalls is closed at the authentication deadline', async () => {
  await withServer(
    async (server) => {
      const c = await raw(server);
      const hs = new ClientHandshake({ crypto: await getCrypto(), dcId: 2, rsaKeys: [server.rsaPublicKey] });
      const codec = createIntermediateCodec('client');
      c.sock.write(Uint8Array.of(...codec.header, ...codec.encode(hs.start())));
      await until(() => c.received() > 0, 'resPQ');
      assert.not.ok(c.closed());
      await until(() => c.closed(), 'the connection closed', 3000);
      assert.is(server.stats.limitCloses.handshake, 1);
      assert.is(server.handshakeLoad().active, 0, 'its key exchange slot is free again');
    },
    { limits: { ...NO_TIMEOUTS, handshakeTimeoutMs: 300 } },
  );
});

test('limits: an authenticated connection that goes silent is closed at the idle deadline; activity keeps it open', async () => {
  await withServer(
    async (server) => {
      const client = await SessionClient.connect(server);
      await client.invoke({ _: 'help.getConfig' });
      // Activity within the deadline keeps the connection.
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 150));
        await client.invoke({ _: 'ping', ping_id: BigInt(i) });
      }
      assert.not.ok(client.connectionClosed);
      await until(() => client.connectionClosed, 'the idle connection closed', 3000);
      assert.is(server.stats.limitCloses.idle, 1);
      client.close();
    },
    { limits: { ...NO_TIMEOUTS, idleTimeoutMs: 300 } },
  );
});

test('limits: an unauthenticated connection announcing a 16 MiB frame is closed once it buffers past the cap', async () => {
  await withServer(
    async (server) => {
      const c = await raw(server);
      c.sock.write(Uint8Array.of(...INTERMEDIATE, 0x00, 0x00, 0x00, 0x01)); // 16 MiB announced
      for (let i = 0; i < 40 && !c.closed(); i++) {
        c.sock.write(new Uint8Array(1024));
        await new Promise((r) => setTimeout(r, 1));
      }
      await until(() => c.closed(), 'the connection closed');
      assert.is(server.stats.limitCloses.buffer, 1);
    },
    { limits: { ...NO_TIMEOUTS, maxUnauthenticatedBytes: 8 * 1024 } },
  );
});

test('limits: plain (auth_key_id 0) packets queued past the cap close the connection', async () => {
  await withServer(
    async (server) => {
      const c = await raw(server);
      const codec = createIntermediateCodec('client');
      // 3 KiB plain packets: each under the cap, together over it while the key exchange queue holds them.
      const packet = new Uint8Array(3072);
      const frames = [codec.header];
      for (let i = 0; i < 8; i++) frames.push(codec.encode(packet));
      c.sock.write(Buffer.concat(frames));
      await until(() => c.closed(), 'the connection closed');
      assert.is(server.stats.limitCloses.buffer, 1);
    },
    { limits: { ...NO_TIMEOUTS, maxUnauthenticatedBytes: 8 * 1024 } },
  );
});

test("limits: a real client's large first packet on a new connection passes (its auth_key_id is known)", async () => {
  await withServer(
    async (server) => {
      const client = await SessionClient.connect(server);
      await client.invoke({ _: 'help.getConfig' });
      await client.reconnect();
      const big = new Uint8Array(32 * 1024);
      let answered = false;
      try {
        await client.invoke({ _: 'upload.saveFilePart', file_id: 1n, file_part: 0, bytes: big });
        answered = true;
      } catch (e) {
        answered = e instanceof RpcError; // an answer all the same (e.g. the key is not logged in)
      }
      assert.ok(answered, 'the 32 KiB packet reached the server and was answered');
      assert.equal(server.stats.limitCloses, {});
      client.close();
    },
    { limits: { ...NO_TIMEOUTS, maxUnauthenticatedBytes: 4 * 1024 } },
  );
});

test('limits: connections beyond maxConnections are closed as soon as they are accepted', async () => {
  await withServer(
    async (server) => {
      const kept = [await raw(server), await raw(server), await raw(server)];
      await until(() => server.connectionCount() === 3, 'three connections');
      const extra = await raw(server);
      await until(() => extra.closed(), 'the fourth connection closed');
      assert.is(server.stats.limitCloses.connections, 1);
      assert.ok(kept.every((k) => !k.closed()));
      kept[0]!.sock.destroy();
      await until(() => server.connectionCount() === 2, 'a slot freed');
      const again = await raw(server);
      await until(() => server.connectionCount() === 3, 'accepted again');
      assert.not.ok(again.closed());
      for (const k of [...kept, again]) k.sock.destroy();
    },
    { limits: { ...NO_TIMEOUTS, maxConnections: 3 } },
  );
});

test('limits: key exchanges beyond maxConcurrentHandshakes wait for a slot, and all complete', async () => {
  await withServer(
    async (server) => {
      const established = await SessionClient.connect(server);
      let maxActive = 0;
      let sampling = true;
      const sample = (): void => {
        const load = server.handshakeLoad();
        maxActive = Math.max(maxActive, load.active);
        if (sampling) setImmediate(sample);
      };
      sample();
      const pending = Array.from({ length: 8 }, () => SessionClient.connect(server));
      // The established session is answered while the key exchanges queue.
      await established.invoke({ _: 'help.getConfig' });
      const clients = await Promise.all(pending);
      sampling = false;
      assert.ok(maxActive <= 2, `at most 2 key exchanges at once, saw ${maxActive}`);
      assert.ok(maxActive >= 1);
      assert.is(server.stats.authKeys, 9);
      for (const c of clients) {
        assert.ok((await c.invoke({ _: 'help.getConfig' })).dc_options.length > 0);
        c.close();
      }
      assert.equal(server.handshakeLoad(), { active: 0, queued: 0 });
      established.close();
    },
    { limits: { maxConcurrentHandshakes: 2 } },
  );
});

test('handshake queue: owners beyond the slots wait in order; steps run later, never inside submit; a release admits the next', async () => {
  const errors: unknown[] = [];
  const q = new HandshakeQueue(1, (e) => errors.push(e));
  const ran: string[] = [];
  const a = {};
  const b = {};
  const c = {};
  q.submit(a, () => ran.push('a1'));
  q.submit(b, () => ran.push('b1'));
  q.submit(c, () => ran.push('c1'));
  q.submit(a, () => {
    ran.push('a2');
    throw new Error('a bug in a step');
  });
  assert.equal(ran, [], 'steps run from setImmediate, not inside submit');
  assert.equal({ active: q.active, queued: q.queued }, { active: 1, queued: 2 });
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.equal(ran, ['a1', 'a2'], 'only the admitted owner runs; a throwing step does not stop the queue');
  assert.is(errors.length, 1);
  q.release(a);
  await new Promise((r) => setImmediate(r));
  assert.equal(ran, ['a1', 'a2', 'b1']);
  q.release(c); // c leaves while waiting: its steps are dropped
  q.release(b);
  await new Promise((r) => setImmediate(r));
  assert.equal(ran, ['a1', 'a2', 'b1']);
  assert.equal({ active: q.active, queued: q.queued }, { active: 0, queued: 0 });
});

test.run();
