/**
 * The sent service messages a session keeps for a possible
 * bad_msg_notification are bounded by count as well as by age: the soak test
 * found a busy session keeping every msgs_ack it sent for 10 minutes
 * (https://core.telegram.org/mtproto/service_messages_about_messages).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Outgoing, Outbox } from '../../ts/mtproto/session/outbox.js';
import type { Pending, RequestTable } from '../../ts/mtproto/session/requests.js';

const service = (i: number): Outgoing => ({
  body: new Uint8Array(8),
  contentRelated: false,
  name: 'msgs_ack',
  msgId: BigInt(i) << 2n,
  sentAt: 0,
  resends: 0,
});

test('10 000 acks sent: at most 2 048 kept, the newest ones; a request sent first is still known', () => {
  const outbox = new Outbox({} as RequestTable, () => 3);
  const request: Outgoing = { ...service(0), name: 'help.getConfig', request: { state: 'sent' } as unknown as Pending };
  outbox.recordSent(request);
  for (let i = 1; i <= 10_000; i++) outbox.recordSent(service(i));
  assert.ok(outbox.sent.size <= 2049, `kept ${outbox.sent.size}`);
  assert.ok(outbox.sent.size >= 1025, 'the recent ones stay for a notification');
  assert.ok(outbox.sent.has(BigInt(10_000) << 2n), 'the newest ack is kept');
  assert.not.ok(outbox.sent.has(1n << 2n), 'the oldest ack is forgotten');
  assert.is(outbox.sent.get(0n), request, 'requests are never dropped by the bound');
});

test.run();
