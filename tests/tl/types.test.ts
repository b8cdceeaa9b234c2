/**
 * The generated types, checked by the compiler (`npm run typecheck` covers
 * tests/): requests carry their result type, unions narrow on `_`, optional
 * flag fields may be left out. The runtime part checks the same objects
 * really encode and decode.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeResult, encode, LAYER, type AnyRequest, type ResultOf, type tl } from '../../ts/tl/index.js';

/** What a client's `invoke` looks like: the result type follows the request. */
function fakeInvoke<R extends AnyRequest>(req: R, reply: Uint8Array): ResultOf<R> {
  return decodeResult(req, reply);
}

test('types: ResultOf follows the request, through invokeWithLayer', () => {
  const getState: tl.updates.getState = { _: 'updates.getState' };
  const wrapped: tl.invokeWithLayer<tl.updates.getState> = { _: 'invokeWithLayer', layer: LAYER, query: getState };
  const reply = encode({ _: 'updates.state', pts: 1, qts: 2, date: 3, seq: 4, unread_count: 5 });
  const state = fakeInvoke(wrapped, reply);
  // `state` is tl.updates.State: its fields are typed.
  const pts: number = state.pts;
  assert.is(pts, 1);
  // @ts-expect-error updates.State has no `messages` field
  void state.messages;
  // Vector<int> results are number[]: an empty vector.
  const ids: number[] = fakeInvoke({ _: 'contacts.getContactIDs', hash: 0n }, new Uint8Array([0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0]));
  assert.equal(ids, []);
});

test('types: unions narrow on _, optional flags can be omitted, long is bigint', () => {
  const peer: tl.InputPeer = { _: 'inputPeerUser', user_id: 1n, access_hash: 2n };
  const hash = peer._ === 'inputPeerUser' ? peer.access_hash : 0n;
  assert.is(hash, 2n);
  const send: tl.messages.sendMessage = { _: 'messages.sendMessage', peer, message: 'hi', random_id: 7n };
  assert.is(encode(send).length, 4 + 4 + 20 + 4 + 8);
  // @ts-expect-error random_id is a long (bigint), not a string
  const bad: tl.messages.sendMessage = { _: 'messages.sendMessage', peer, message: 'hi', random_id: '7' };
  void bad;
  // @ts-expect-error inputUserSelf is not an InputPeer
  const wrongPeer: tl.InputPeer = { _: 'inputUserSelf' };
  void wrongPeer;
  const pq: tl.mt.ResPQ = {
    _: 'resPQ',
    nonce: new Uint8Array(16),
    server_nonce: new Uint8Array(16),
    pq: new Uint8Array(8),
    server_public_key_fingerprints: [],
  };
  assert.is(pq._, 'resPQ');
});

test.run();
