/**
 * The test server's leniencies (what Telegram accepts from real clients,
 * ts/testing/server/README.md "Leniencies"), each in both modes, the
 * WebSocket paths, and the protocol trace of a session.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WebSocket } from 'ws';
import { encodeContainer } from '../../ts/mtproto/index.js';
import { parseTestServerArgs } from '../../ts/testing/cli.js';
import { WEBSOCKET_PROTOCOL, type TestServer } from '../../ts/testing/index.js';
import type { TraceRecord } from '../../ts/testing/trace/index.js';
import { formatTraceLine } from '../../ts/testing/trace/index.js';
import { encode } from '../../ts/tl/codec/index.js';
import type { mt } from '../../ts/tl/generated/types.js';
import { RawClient, SessionClient, within, withServer } from './server-harness.js';

const nearest = () => ({ _: 'help.getNearestDc' }) as const;

test('leniency: msgs_state_req with an odd seq_no is answered (strict: 34)', async () => {
  for (const strict of [false, true]) {
    await withServer(
      async (server) => {
        const raw = await RawClient.connect(server);
        const q = raw.send({ _: 'msgs_state_req', msg_ids: [1n << 62n] }, false, { seqNo: 1 });
        const got = strict ? await raw.expect('bad_msg_notification') : await raw.expect('msgs_state_info');
        if (strict)
          assert.equal([(got.obj as mt.bad_msg_notification).bad_msg_id, (got.obj as mt.bad_msg_notification).error_code], [q, 34]);
        else assert.is((got.obj as mt.msgs_state_info).req_msg_id, q);
        raw.close();
      },
      { strict },
    );
  }
});

test('leniency: a container of msgs_ack (odd seq_no) + a query gets the answer and no 34 (mtcute); strict refuses the ack only', async () => {
  for (const strict of [false, true]) {
    await withServer(
      async (server) => {
        const raw = await RawClient.connect(server);
        const ackId = raw.msgId();
        const queryId = raw.msgId();
        const items = [
          { msgId: ackId, seqNo: 1, body: encode({ _: 'msgs_ack', msg_ids: [] }) }, // odd, as mtcute numbers it
          { msgId: queryId, seqNo: raw.seqNo(true), body: encode(nearest()) },
        ];
        raw.sendRaw({ msgId: raw.msgId(), seqNo: raw.seqNo(false) }, encodeContainer(items));
        const seen: string[] = [];
        let answered = false;
        for (let i = 0; i < 5 && !answered; i++) {
          for (const m of await raw.receive('answer')) {
            seen.push(m.obj._ === 'bad_msg_notification' ? `bad ${(m.obj as mt.bad_msg_notification).error_code}` : m.obj._);
            if (m.obj._ === 'rpc_result') answered = true;
          }
        }
        assert.ok(answered, seen.join(','));
        assert.is(seen.includes('bad 34'), strict, seen.join(','));
        assert.is(server.stats.rpcCalls['help.getNearestDc'], 1);
        raw.close();
      },
      { strict },
    );
  }
});

test('no leniency for a query with an even seq_no: 35 in both modes', async () => {
  for (const strict of [false, true]) {
    await withServer(
      async (server) => {
        const raw = await RawClient.connect(server);
        const q = raw.send(nearest(), true, { seqNo: 0 });
        const bad = (await raw.expect('bad_msg_notification')).obj as mt.bad_msg_notification;
        assert.equal([bad.bad_msg_id, bad.error_code], [q, 35]);
        raw.close();
      },
      { strict },
    );
  }
});

/** Opens ws://host:port`path` and says whether the upgrade succeeded. */
function wsOpens(server: TestServer, path: string): Promise<boolean> {
  const dc = server.dc(2);
  return within(
    new Promise<boolean>((resolve) => {
      const ws = new WebSocket(`ws://${dc.host}:${dc.wsPort}${path}`, WEBSOCKET_PROTOCOL);
      ws.on('open', () => {
        ws.terminate();
        resolve(true);
      });
      ws.on('error', () => resolve(false));
    }),
    `WebSocket ${path}`,
  );
}

test('WebSocket: /apiws and /apiws_test are served, other paths refused', () =>
  withServer(async (server) => {
    assert.is(await wsOpens(server, '/apiws'), true);
    assert.is(await wsOpens(server, '/apiws_test'), true);
    assert.is(await wsOpens(server, '/apiws_test?x=1'), true);
    assert.is(await wsOpens(server, '/other'), false);
  }));

test('trace: one line per message each way, with msg_id and seq_no, and notes for decisions', async () => {
  const records: TraceRecord[] = [];
  await withServer(
    async (server) => {
      const client = await SessionClient.connect(server);
      await client.invoke({ _: 'help.getConfig' });
      await client.invoke(nearest());
      client.close();
    },
    { trace: (r) => records.push(r) },
  );
  const ins = records.filter((r) => r.dir === 'in');
  const outs = records.filter((r) => r.dir === 'out');
  assert.ok(records.some((r) => r.event === 'key_exchange' && r.detail?.includes('p_q_inner_data_dc')));
  // Every message the client sent is one `in` line: the two queries (the first wrapped in invokeWithLayer) and any acks.
  const queries = ins.filter((r) => r.name !== 'msgs_ack');
  assert.equal(
    queries.map((r) => r.name),
    ['invokeWithLayer', 'help.getNearestDc'],
  );
  const answers = outs.filter((r) => r.name === 'rpc_result');
  assert.is(answers.length, 2);
  for (const r of [...ins, ...outs]) {
    assert.ok(r.msgId && /^\d+$/.test(r.msgId), 'msg_id');
    assert.type(r.seqNo, 'number');
    assert.ok(r.authKeyId && /^[0-9a-f]{16}$/.test(r.authKeyId));
    assert.ok(r.sessionId && /^[0-9a-f]{16}$/.test(r.sessionId));
    assert.ok(formatTraceLine(r).includes(r.msgId!));
  }
  assert.ok(outs.some((r) => r.name === 'new_session_created'));
  // The config answer's bytes are shortened, never dumped whole.
  const text = JSON.stringify(records);
  assert.not.match(text, /[0-9a-f]{80}/);
});

test('trace: refusals and leniencies are notes with their reason; a JSONL file has one record per line', async () => {
  const path = join(tmpdir(), `wasmgram-trace-${process.pid}.jsonl`);
  try {
    await withServer(
      async (server) => {
        const raw = await RawClient.connect(server);
        raw.send({ _: 'msgs_state_req', msg_ids: [] }, false, { seqNo: 1 });
        await raw.expect('msgs_state_info');
        raw.send(nearest(), true, { seqNo: 0 });
        await raw.expect('bad_msg_notification');
        raw.close();
      },
      { trace: path },
    );
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as TraceRecord);
    assert.ok(records.some((r) => r.event === 'leniency' && r.detail?.includes('msgs_state_req')));
    assert.ok(records.some((r) => r.event === 'refused' && r.detail?.startsWith('bad_msg_notification 35')));
    assert.ok(records.some((r) => r.dir === 'out' && r.name === 'bad_msg_notification'));
  } finally {
    rmSync(path, { force: true });
  }
});

test('CLI: --trace (stderr), --trace FILE (JSONL) and --strict', () => {
  assert.equal(parseTestServerArgs(['--trace']), { host: '127.0.0.1', dcs: [1, 2, 3, 4, 5], websocket: true, trace: true });
  assert.equal(parseTestServerArgs(['--trace', '--strict']), {
    host: '127.0.0.1',
    dcs: [1, 2, 3, 4, 5],
    websocket: true,
    trace: true,
    strict: true,
  });
  assert.equal(parseTestServerArgs(['--trace', 't.jsonl', '--dcs', '2']), {
    host: '127.0.0.1',
    dcs: [2],
    websocket: true,
    trace: 't.jsonl',
  });
});

test.run();
