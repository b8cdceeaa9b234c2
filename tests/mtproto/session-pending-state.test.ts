/**
 * The life of a pending request as one state (requests.ts `PendingState`):
 * queued → sent → acked, back to queued when it must go out again, settled
 * once. `pendingForResend()` lists exactly the `sent` ones
 * (https://core.telegram.org/mtproto/service_messages_about_messages).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { encodeRpcResult } from '../../ts/mtproto/server-side.js';
import { isOpen, markAcked, markQueued, markSent, type Pending } from '../../ts/mtproto/session/requests.js';
import { encode } from '../../ts/tl/codec/index.js';
import { makeHarness } from './_session.js';
import { getProvider } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const pending = (state: Pending['state']): Pending => ({ state, body: 'raw' }) as unknown as Pending;

test('transitions: an ack counts only for a sent request; nothing leaves settled', () => {
  const queued = pending('queued');
  markAcked(queued);
  assert.is(queued.state, 'queued', 'an ack for a message not (yet) sent again changes nothing');
  markSent(queued);
  assert.is(queued.state, 'sent');
  markAcked(queued);
  assert.is(queued.state, 'acked');
  markQueued(queued);
  assert.is(queued.state, 'queued');
  const settled = pending('settled');
  for (const move of [markSent, markAcked, markQueued]) move(settled);
  assert.is(settled.state, 'settled');
  assert.not.ok(isOpen(settled));
  assert.ok(isOpen(queued));
});

test('session: queued → sent → acked → queued again (bad_msg_notification) → sent → settled', async () => {
  const h = makeHarness(crypto);
  const handle = h.client.send({ _: 'help.getNearestDc' });
  assert.equal(h.client.pendingForResend(), [], 'queued: not sent yet');
  const [p] = h.toServer();
  const msgId = p!.messages[0]!.msgId;
  assert.equal(
    h.client.pendingForResend().map((r) => r.msgId),
    [msgId],
    'sent',
  );
  h.deliver([{ body: encode({ _: 'msgs_ack', msg_ids: [msgId] }), contentRelated: false, response: false }]);
  assert.equal(h.client.pendingForResend(), [], 'acked: it arrived');
  h.deliver([
    {
      body: encode({ _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: 1, error_code: 18 }),
      contentRelated: false,
      response: false,
    },
  ]);
  assert.equal(h.client.pendingForResend(), [], 'queued again');
  const [again] = h.toServer();
  const newId = again!.messages[0]!.msgId;
  assert.ok(newId > msgId);
  assert.equal(
    h.client.pendingForResend().map((r) => r.msgId),
    [newId],
    'sent again, unacknowledged',
  );
  h.deliver([
    {
      body: encodeRpcResult(newId, encode({ _: 'nearestDc', country: 'NL', this_dc: 2, nearest_dc: 2 })),
      contentRelated: true,
      response: true,
    },
  ]);
  assert.is((await handle.promise).nearest_dc, 2);
  assert.equal(h.client.pendingForResend(), [], 'settled');
  assert.not.ok(h.client.cancel(handle.id), 'a settled request cannot be cancelled');
});

test.run();
