/**
 * The test server's fault injection, each fault driving the client through
 * one recovery path: duplicated and reordered server packets, a corrupted
 * msg_key, transport errors, dropped connections, delays, flood waits and
 * forced time resyncs. Every request must resolve exactly once.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RpcError, ArgumentError } from '../../ts/errors.js';
import { REORDER_TIMEOUT_MS } from '../../ts/testing/index.js';
import { wrapWithInitConnection } from '../../ts/mtproto/session/init-connection.js';
import { INIT, RawClient, SessionClient, until, withServer } from './server-harness.js';

test('duplicateNext: the packet arrives twice; the client drops the replay and the request resolves once', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.duplicateNext();
    let resolved = 0;
    await client.invoke({ _: 'help.getNearestDc' }).then(() => resolved++);
    const replay = await client.event('security_error');
    assert.is(replay.error.check, 'msg_id_replay');
    await new Promise((r) => setTimeout(r, 50));
    assert.is(resolved, 1);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 2);
    client.close();
  }));

test('reorderNext(3): three answers arrive in reverse order and each request resolves once', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.reorderNext(3);
    const order: string[] = [];
    const calls = ['a', 'b', 'c'].map((tag) => client.invoke({ _: 'help.getNearestDc' }).then(() => order.push(tag)));
    await Promise.all(calls);
    assert.equal(order, ['c', 'b', 'a']);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 4);
    assert.ok(REORDER_TIMEOUT_MS > 0);
    client.close();
  }));

test('corruptNextMsgKey: the client reports security_error msg_key; after a reconnect the request is answered once', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.corruptNextMsgKey();
    let resolved = 0;
    const pending = client.invoke({ _: 'help.getNearestDc' }).then((r) => {
      resolved++;
      return r;
    });
    const bad = await client.event('security_error');
    assert.is(bad.error.check, 'msg_key');
    assert.is(resolved, 0);
    await client.reconnect();
    assert.is((await pending).this_dc, 2);
    await new Promise((r) => setTimeout(r, 50));
    assert.is(resolved, 1);
    client.close();
  }));

test('the server re-sends unacknowledged answers when the session comes back on a new connection', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    raw.send(wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT), true);
    const answer = await raw.expect('rpc_result');
    await raw.reconnect();
    raw.send({ _: 'ping', ping_id: 1n }, true);
    const again = await raw.expect('rpc_result');
    assert.ok(again.msgId > answer.msgId);
    assert.equal(again.obj, answer.obj);
    // Once acknowledged, it is not sent again.
    raw.send({ _: 'msgs_ack', msg_ids: [again.msgId] }, false);
    await raw.reconnect();
    raw.send({ _: 'ping', ping_id: 2n }, true);
    const msgs = await raw.receive('the pong');
    assert.equal(
      msgs.map((m) => m.obj._).filter((n) => n !== 'msgs_ack'),
      ['pong'],
    );
    raw.close();
  }));

test('transportError(-429): the next client packet gets the transport error and the connection closes; a reconnect succeeds', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.transportError(-429);
    const pending = client.invoke({ _: 'help.getNearestDc' });
    await until(() => client.transportErrors.some((e) => e.code === -429), 'transport error -429');
    await until(() => client.connectionClosed, 'the server to close');
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 1);
    await client.reconnect();
    assert.is((await pending).this_dc, 2);
    client.close();
  }));

test('dropConnections: every socket of the DC closes at once; the request goes again on a new connection', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server, { dc: 2 });
    const other = await SessionClient.connect(server, { dc: 1 });
    await client.invoke({ _: 'help.getNearestDc' });
    await other.invoke({ _: 'help.getNearestDc' });
    assert.is(server.faults.dropConnections(2), 1);
    await until(() => client.connectionClosed, 'the drop');
    assert.not.ok(other.connectionClosed);
    await client.reconnect();
    assert.is((await client.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    other.close();
    client.close();
  }));

test('delay: answers are held for the given time, then delivered', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.delay(300);
    let done = false;
    const pending = client.invoke({ _: 'help.getNearestDc' }).then(() => (done = true));
    await until(() => server.stats.rpcCalls['help.getNearestDc'] === 2, 'the query to run');
    await new Promise((r) => setTimeout(r, 100));
    assert.not.ok(done, 'answered before the delay');
    await pending;
    client.close();
  }));

test('clear: packets held by delay are discarded, and come again from the session when it reconnects', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.delay(60_000);
    const pending = client.invoke({ _: 'help.getNearestDc' });
    await until(() => server.stats.rpcCalls['help.getNearestDc'] === 2, 'the query to run');
    server.faults.clear();
    server.faults.dropConnections();
    await until(() => client.connectionClosed, 'the drop');
    await client.reconnect();
    assert.is((await pending).this_dc, 2);
    client.close();
  }));

test('floodWait: the next call of the method gets 420 FLOOD_WAIT_3', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    server.faults.floodWait('help.getConfig', 3);
    try {
      await client.invoke({ _: 'help.getConfig' });
      assert.unreachable('must reject');
    } catch (e) {
      assert.instance(e, RpcError);
      assert.is((e as RpcError).code, 420);
      assert.is((e as RpcError).waitSeconds, 3);
    }
    assert.is((await client.invoke({ _: 'help.getConfig' }))._, 'config');
    client.close();
  }));

test('nextTimeResync(17): the next packet is refused with bad_msg_notification 17; the client resyncs and the request resolves once', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.nextTimeResync(17);
    assert.is((await client.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    await client.event('time_synced');
    assert.is(server.stats.serviceSent.bad_msg_notification, 1);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 2);
    client.close();
  }));

test('fault arguments are checked', () =>
  withServer(async (server) => {
    assert.throws(
      () => server.faults.reorderNext(1),
      (e: unknown) => e instanceof ArgumentError,
    );
    assert.throws(
      () => server.faults.delay(-1),
      (e: unknown) => e instanceof ArgumentError,
    );
    assert.throws(
      () => server.faults.transportError(404),
      (e: unknown) => e instanceof ArgumentError,
    );
    assert.throws(
      () => server.faults.nextTimeResync(18 as 16),
      (e: unknown) => e instanceof ArgumentError,
    );
    assert.throws(
      () => server.faults.duplicateNext(0),
      (e: unknown) => e instanceof ArgumentError,
    );
  }));

test.run();
