/**
 * msg_detailed_info / msg_new_detailed_info and the acknowledgment they ask
 * for (https://core.telegram.org/mtproto/service_messages_about_messages#extended-voluntary-communication-of-status-of-one-message):
 * an answer the client already has is acknowledged — as any owed ack is,
 * piggybacked on the next flush or stand-alone once `ackDelayMs` old,
 * counted from when the ack became owed; one it lacks is asked for with
 * msg_resend_req.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { encode } from '../../ts/tl/codec/index.js';
import { bodyOf, type Harness, makeHarness } from './_session.js';
import { getProvider } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const DELAY = 1000;

/** Every msg_id acknowledged by what the client flushes now (stand-alone or piggybacked). */
function ackedNow(h: Harness): bigint[] {
  return h
    .toServer()
    .flatMap((p) => p.messages.map((m) => bodyOf(m.body)))
    .filter((b) => b._ === 'msgs_ack')
    .flatMap((b) => b.msg_ids as bigint[]);
}

/** The server's msg_new_detailed_info naming `answer` (a service message: no ack of its own). */
function detailedInfo(h: Harness, answer: bigint): void {
  h.deliver([
    { body: encode({ _: 'msg_new_detailed_info', answer_msg_id: answer, bytes: 10, status: 0 }), contentRelated: false, response: false },
  ]);
}

test('msg_new_detailed_info about an answer already received: the ack is due ackDelayMs after the notice, not at once', () => {
  const h = makeHarness(crypto, { ackDelayMs: DELAY });
  h.push({ _: 'updatesTooLong' });
  const received = h.server.msgIds.lastId;
  // The ack owed for the update goes out with the next query: nothing is owed afterwards.
  h.client.send({ _: 'help.getConfig' });
  assert.ok(ackedNow(h).includes(received));
  h.clock.advance(10 * DELAY);

  detailedInfo(h, received);
  const now = h.clock.now();
  assert.is(h.client.nextDeadline(now), now + DELAY, 'the ack deadline counts from the notice');
  assert.equal(ackedNow(h), [], 'not due yet: no stand-alone msgs_ack');
  h.clock.advance(DELAY);
  assert.equal(ackedNow(h), [received], 'due after ackDelayMs: a stand-alone msgs_ack for answer_msg_id');
  assert.is(h.client.nextDeadline(h.clock.now()), undefined, 'nothing owed any more');
});

test('msg_new_detailed_info: the owed ack is piggybacked on the next query before it is due', () => {
  const h = makeHarness(crypto, { ackDelayMs: DELAY });
  h.push({ _: 'updatesTooLong' });
  const received = h.server.msgIds.lastId;
  h.client.send({ _: 'help.getConfig' });
  ackedNow(h);
  detailedInfo(h, received);
  const now = h.clock.now();
  assert.is(h.client.nextDeadline(now), now + DELAY);
  h.client.send({ _: 'help.getNearestDc' });
  assert.equal(ackedNow(h), [received], 'piggybacked on the next query before it is due');
});

test('msg_new_detailed_info joins acks already owed without moving their deadline', () => {
  const h = makeHarness(crypto, { ackDelayMs: DELAY });
  h.push({ _: 'updatesTooLong' });
  const first = h.server.msgIds.lastId;
  h.clock.advance(DELAY / 2);
  detailedInfo(h, first);
  h.push({ _: 'updatesTooLong' });
  const second = h.server.msgIds.lastId;
  const now = h.clock.now();
  assert.is(h.client.nextDeadline(now), now + DELAY / 2, 'the oldest owed ack sets the deadline');
  h.clock.advance(DELAY / 2);
  assert.equal(ackedNow(h), [first, second], 'answer_msg_id is acknowledged once');
});

test('msg_new_detailed_info about an answer never received: msg_resend_req for it, no ack', () => {
  const h = makeHarness(crypto, { ackDelayMs: DELAY });
  h.push({ _: 'updatesTooLong' });
  const missing = h.server.msgIds.lastId + 4000n;
  h.client.send({ _: 'help.getConfig' });
  ackedNow(h);
  detailedInfo(h, missing);
  const [p] = h.toServer();
  const bodies = p!.messages.map((m) => bodyOf(m.body));
  assert.equal(
    bodies.map((b) => b._),
    ['msg_resend_req'],
  );
  assert.equal(bodies[0]!.msg_ids, [missing]);
});

test.run();
