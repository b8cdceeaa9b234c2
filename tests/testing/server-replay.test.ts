/**
 * Replays and container items on the test server (issue 10, findings 6 and 7):
 * a packet is validated (msg_id window, parity, duplicates) before the session
 * moves to the connection it came on, so a captured packet replayed on another
 * connection is answered from the answer cache and nothing else — the
 * session's unacknowledged answers and pushes stay with the client's own
 * connection. Container items get the checks of outer messages, and the
 * container's msg_id must exceed theirs
 * (https://core.telegram.org/mtproto/service_messages#simple-container).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeContainer, encodeContainer, isContainer, openEnvelope } from '../../ts/mtproto/index.js';
import { wrapWithInitConnection } from '../../ts/mtproto/session/init-connection.js';
import type { TestServer } from '../../ts/testing/index.js';
import { decode, encode } from '../../ts/tl/codec/index.js';
import type { AnyTlObject, mt } from '../../ts/tl/generated/types.js';
import { Transport } from '../../ts/transport/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { getCrypto, INIT, RawClient, withServer } from './server-harness.js';

const nearest = () => wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT);

/** A second TCP connection that only moves bytes (the attacker's seat): it has no key. */
async function openWire(server: TestServer): Promise<{ transport: Transport; next: () => Promise<Uint8Array>; close: () => void }> {
  const dc = server.dc(2);
  const transport = new Transport({
    sockets: createNodeTcpFactory(),
    codec: 'intermediate',
    obfuscated: false,
    crypto: await getCrypto(),
    dcId: 2,
  });
  const packets: Uint8Array[] = [];
  transport.on('packet', (p) => packets.push(p));
  await transport.connect(dc.host, dc.port);
  return {
    transport,
    close: () => transport.close(),
    async next() {
      const end = Date.now() + 3000;
      while (packets.length === 0) {
        if (Date.now() > end) throw new Error('timed out waiting for a packet on the replay connection');
        await new Promise((r) => setTimeout(r, 5));
      }
      return packets.shift()!;
    },
  };
}

/** The rpc_result req_msg_ids in one server packet, opened with the session's key. */
async function answeredIds(raw: RawClient, packet: Uint8Array): Promise<bigint[]> {
  const c = await getCrypto();
  const key = c.loadAuthKey(raw.authKey.authKey);
  try {
    const msg = openEnvelope(key, packet, 8, { from: 'server', sessionId: raw.sessionId });
    const items = isContainer(msg.body) ? decodeContainer(msg.body) : [{ msgId: msg.msgId, seqNo: msg.seqNo, body: msg.body }];
    return items.flatMap((m) => {
      const obj = decode(m.body) as AnyTlObject;
      return obj._ === 'rpc_result' ? [(obj as mt.rpc_result).req_msg_id] : [];
    });
  } finally {
    key.dispose();
  }
}

/** Records the packets `raw` writes from now on (the captured traffic). */
function capture(raw: RawClient): Uint8Array[] {
  const seen: Uint8Array[] = [];
  const t = raw.wire.transport;
  const send = t.send.bind(t);
  t.send = (p: Uint8Array) => {
    seen.push(p.slice());
    send(p);
  };
  return seen;
}

test('replay: a captured packet replayed on a new connection gets its cached answer only; the session stays with the client', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const captured = capture(raw);
    // Two queries, answered and never acknowledged (the server keeps both answers for re-sending).
    const q1 = raw.send(nearest(), true);
    await raw.expect('rpc_result');
    raw.send(nearest(), true); // q2
    await raw.expect('rpc_result');
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 2);

    const attacker = await openWire(server);
    attacker.transport.send(captured[0]!);
    // The replay gets the cached answer of q1 — and not q2's, which a moved session would re-send there.
    assert.equal(await answeredIds(raw, await attacker.next()), [q1]);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 2); // nothing ran twice

    // The client's connection still carries the session: a new query is answered there,
    // without q1/q2 being re-sent as if the session had come back from elsewhere.
    const q3 = raw.send(nearest(), true);
    assert.equal(await answeredIds(raw, await raw.wire.next('q3 answer')), [q3]);
    attacker.close();
    raw.close();
  }));

test('replay: a replayed packet does not make the replaying connection receive what the session is sent next', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const captured = capture(raw);
    raw.send(nearest(), true);
    await raw.expect('rpc_result');
    const attacker = await openWire(server);
    attacker.transport.send(captured[0]!);
    await attacker.next(); // the cached answer
    // The client sends a query on its own connection; its answer, and the re-send of
    // anything unacknowledged, go there — the attacker's connection gets nothing more.
    const q = raw.send(nearest(), true);
    assert.equal(await answeredIds(raw, await raw.wire.next('answer')), [q]);
    const extra = await Promise.race([attacker.next().then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
    assert.is(extra, false);
    attacker.close();
    raw.close();
  }));

test('container items: a msg_id more than 300 s old inside a container → bad_msg_notification 16 for it, the rest runs', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const now = Date.now();
    const old = raw.ids.next(now - 400_000);
    const fresh = raw.msgId();
    const body = encodeContainer([
      { msgId: old, seqNo: raw.seqNo(true), body: encode(nearest()) },
      { msgId: fresh, seqNo: raw.seqNo(true), body: encode(nearest()) },
    ]);
    raw.sendRaw({ msgId: raw.msgId(), seqNo: raw.seqNo(false) }, body);
    const got: AnyTlObject[] = [];
    while (!got.some((o) => o._ === 'rpc_result')) got.push(...(await raw.receive()).map((m) => m.obj));
    const bad = got.find((o) => o._ === 'bad_msg_notification') as mt.bad_msg_notification;
    assert.equal([bad.bad_msg_id, bad.error_code], [old, 16]);
    assert.is((got.find((o) => o._ === 'rpc_result') as mt.rpc_result).req_msg_id, fresh);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 1);
    raw.close();
  }));

test('container: a container msg_id not above its items → bad_msg_notification 64, nothing inside runs', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const containerId = raw.msgId();
    const inner = raw.msgId();
    const body = encodeContainer([{ msgId: inner, seqNo: raw.seqNo(true), body: encode(nearest()) }]);
    raw.sendRaw({ msgId: containerId, seqNo: raw.seqNo(false) }, body);
    const bad = (await raw.expect('bad_msg_notification')).obj as mt.bad_msg_notification;
    assert.equal([bad.bad_msg_id, bad.error_code], [containerId, 64]);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], undefined);
    raw.close();
  }));

test.run();
