/**
 * The decode fast paths give the same objects and errors as the table
 * walker: the reader reused by option-less `decode` calls, the top-level
 * inline caches of `decode`/`decodeRequest`, and call sites that see several
 * constructors whose ids share their low bits (ts/tl/codec/compile.ts).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlError } from '../../ts/errors.js';
import { IC_WAYS } from '../../ts/tl/codec/compile.js';
import { decode, decodeRequest, encode, idOf } from '../../ts/tl/codec/index.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';

type Plain = { _: string; [field: string]: unknown };
const obj = (o: Plain): Plain => o;
const enc = (o: Plain) => encode(o as unknown as AnyTlObject);
const walk = (b: Uint8Array): unknown => decode(b, { compile: false });

/** Results of rpc_result used below; several share the low bits of their ids. */
const RESULTS: Plain[] = [
  obj({ _: 'messages.affectedMessages', pts: 10, pts_count: 1 }),
  obj({ _: 'messages.affectedHistory', pts: 11, pts_count: 2, offset: 0 }),
  obj({ _: 'updateShortSentMessage', out: true, id: 5, pts: 12, pts_count: 1, date: 1_700_000_000 }),
  obj({ _: 'updates.state', pts: 13, qts: 1, date: 1_700_000_001, seq: 2, unread_count: 0 }),
  obj({ _: 'messages.affectedFoundMessages', pts: 14, pts_count: 1, offset: 0, messages: [1, 2] }),
  obj({ _: 'updatesTooLong' }),
  obj({ _: 'pong', msg_id: 0x6530_0000_0000_0004n, ping_id: -7n }),
];

test('inline cache: the fixture really has ids colliding in the inline-checked entry', () => {
  const slots = RESULTS.map((r) => idOf(r._)! & (IC_WAYS - 1));
  assert.ok(new Set(slots).size < slots.length, `slots ${slots.join(',')}`);
});

test('inline cache: a container whose rpc_results cycle through colliding constructors decodes like the table walker, every time', () => {
  const container = obj({
    _: 'msg_container',
    messages: Array.from({ length: 40 }, (_, i) => {
      const body = { _: 'rpc_result', req_msg_id: 0x6530_0000_0000_1000n + BigInt(i) * 4n, result: RESULTS[(i * 3) % RESULTS.length] };
      return { _: 'message', msg_id: 0x6530_0000_0000_0001n + BigInt(i) * 4n, seqno: 2 * i + 1, bytes: enc(obj(body)).length, body };
    }),
  });
  const bytes = enc(container);
  const want = walk(bytes);
  for (let round = 0; round < 5; round++) assert.equal(decode(bytes), want);
  // A different order again, with the cache already filled.
  const reversed = obj({ ...container, messages: [...(container as unknown as { messages: unknown[] }).messages].reverse() });
  assert.equal(decode(enc(reversed)), walk(enc(reversed)));
});

test('inline cache: decode and decodeRequest keep their own top-level caches (a constructor is never a request)', () => {
  const getConfig = enc(obj({ _: 'help.getConfig' }));
  const state = enc(RESULTS[3]!);
  for (let i = 0; i < 3; i++) {
    assert.equal(decode(getConfig), { _: 'help.getConfig' }); // `Object` holds function calls too
    assert.equal(decodeRequest(getConfig), { _: 'help.getConfig' });
    assert.equal(decode(state), RESULTS[3]);
    assert.throws(
      () => decodeRequest(state),
      (e: unknown) => e instanceof TlError && /updates\.state is not a function/.test(e.message),
    );
  }
});

test('reused reader: a failed decode leaves nothing behind for the next one', () => {
  const good = enc(RESULTS[1]!);
  for (let i = 0; i < 3; i++) {
    assert.throws(
      () => decode(good.subarray(0, good.length - 4)),
      (e: unknown) => e instanceof TlError && e.offset === 12,
    );
    assert.throws(
      () => decode(Uint8Array.of(...good, 0, 0, 0, 0)),
      (e: unknown) => e instanceof TlError && /4 unexpected bytes/.test(e.message),
    );
    assert.equal(decode(good), RESULTS[1]);
  }
});

test('reused reader: every option-less decode gets the full object budget (1 000 000), not what the last call left', () => {
  // 20 000 objects per call; 60 calls draw 1 200 000 in all.
  const many = enc(
    obj({ _: 'messages.affectedFoundMessages', pts: 1, pts_count: 1, offset: 0, messages: Array.from({ length: 20_000 }, (_, i) => i) }),
  );
  for (let i = 0; i < 60; i++) decode(many);
  assert.is((decode(many) as unknown as { messages: number[] }).messages.length, 20_000);
});

test('reused reader: a result stays valid after later decodes (values are not views of reused memory)', () => {
  const a = decode(enc(RESULTS[6]!));
  decode(enc(RESULTS[0]!));
  assert.equal(a, RESULTS[6]);
});

test.run();
