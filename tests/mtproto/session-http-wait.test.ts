/**
 * http_wait (https://core.telegram.org/mtproto/service_messages#http-wait-long-poll,
 * https://core.telegram.org/mtproto/transports#http): a session run over HTTP
 * puts one in every packet it writes and writes one alone on `poll()`; it is
 * not content-related (even seq_no, never acknowledged).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { DEFAULT_HTTP_WAIT, encodeHttpWait } from '../../ts/mtproto/session/http-wait.js';
import { bodyOf, makeHarness } from './_session.js';
import { getProvider } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

test('http_wait#9299359f: max_delay, wait_after, max_wait as TL ints (the defaults 100 / 30 / 25 000 ms)', () => {
  assert.equal(DEFAULT_HTTP_WAIT, { maxDelayMs: 100, waitAfterMs: 30, maxWaitMs: 25_000 });
  // 9f 35 99 92 | 100 | 30 | 25000, little-endian (schema/mtproto.tl).
  assert.equal([...encodeHttpWait()], [0x9f, 0x35, 0x99, 0x92, 100, 0, 0, 0, 30, 0, 0, 0, 0xa8, 0x61, 0, 0]);
  assert.equal([...encodeHttpWait({ maxWaitMs: 500.7, maxDelayMs: -3 }).subarray(4)], [0, 0, 0, 0, 30, 0, 0, 0, 0xf4, 1, 0, 0]);
});

test('with httpWait every packet carries one http_wait next to the queries (even seq_no: not content-related)', () => {
  const h = makeHarness(crypto, { httpWait: { maxWaitMs: 1500 } });
  h.client.send({ _: 'help.getConfig' });
  const [packet, more] = h.toServer();
  assert.is(more, undefined, 'one packet');
  const names = packet!.messages.map((m) => bodyOf(m.body)._);
  assert.equal(names, ['help.getConfig', 'http_wait']);
  const wait = packet!.messages[1]!;
  assert.equal(bodyOf(wait.body), { _: 'http_wait', max_delay: 100, wait_after: 30, max_wait: 1500 });
  assert.is(wait.seqNo % 2, 0, 'even seq_no');
  assert.equal(h.toServer(), [], 'nothing queued: nothing written');
});

test('poll(): an http_wait alone when nothing else is queued; twice before a flush is still one', () => {
  const h = makeHarness(crypto, { httpWait: true });
  h.client.poll();
  h.client.poll();
  const packets = h.toServer();
  assert.is(packets.length, 1);
  assert.equal(
    packets[0]!.messages.map((m) => bodyOf(m.body)),
    [{ _: 'http_wait', max_delay: 100, wait_after: 30, max_wait: 25_000 }],
  );
  assert.equal(h.toServer(), []);
});

test('poll() carries the acknowledgments that wait', () => {
  const h = makeHarness(crypto, { httpWait: true, ackDelayMs: 60_000 });
  h.push({ _: 'updatesTooLong' });
  assert.equal(h.toServer(), [], 'the ack alone is not due yet');
  h.client.poll();
  const names = h.toServer().flatMap((p) => p.messages.map((m) => bodyOf(m.body)._));
  assert.equal(names.sort(), ['http_wait', 'msgs_ack']);
});

test('without httpWait (TCP, WebSocket) no packet carries http_wait', () => {
  const h = makeHarness(crypto);
  h.client.send({ _: 'help.getConfig' });
  assert.equal(h.flushNames(), ['help.getConfig']);
});

test.run();
