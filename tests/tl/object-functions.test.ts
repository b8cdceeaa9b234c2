import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlError } from '../../ts/errors.js';
import { decode, decodeRequest, decodeResult, encode, type ReadOptions } from '../../ts/tl/codec/index.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';

/**
 * `Object` holds function calls as well as constructors (issue 9, item 5):
 * a msg_container carries `ping` next to `msgs_ack`
 * (https://core.telegram.org/mtproto/service_messages#simple-container),
 * rpc_result.result is an `Object`, and invokeWithLayer.query is a `!X`.
 */

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const ENGINES: ReadOptions[] = [{ engine: 'js' }, { engine: 'js', compile: false }, { engine: 'wasm' }];

// Written by hand from the ids of https://core.telegram.org/schema/mtproto:
// msg_container#73f1f8dc, msgs_ack#62d6b459, ping#7abe77ec, Vector#1cb5c415.
const CONTAINER = hex(`
  dcf8f173 02000000
  0400000000000060 01000000 14000000
    59b4d662 15c4b51c 01000000 0100000000000060
  0800000000000060 03000000 0c000000
    ec77be7a efcdab8967452301
`);
const EXPECTED = {
  _: 'msg_container',
  messages: [
    { _: 'message', msg_id: 0x6000000000000004n, seqno: 1, bytes: 20, body: { _: 'msgs_ack', msg_ids: [0x6000000000000001n] } },
    { _: 'message', msg_id: 0x6000000000000008n, seqno: 3, bytes: 12, body: { _: 'ping', ping_id: 0x0123456789abcdefn } },
  ],
};

test('msg_container holding msgs_ack + ping: a fixed byte vector decodes with every engine', () => {
  for (const o of ENGINES) assert.equal(decode(CONTAINER, o), EXPECTED, JSON.stringify(o));
});

test('msg_container holding msgs_ack + ping: encodes to the same bytes and round-trips', () => {
  const bytes = encode(EXPECTED as AnyTlObject);
  assert.equal(Buffer.from(bytes).toString('hex'), Buffer.from(CONTAINER).toString('hex'));
  for (const o of ENGINES) assert.equal(encode(decode(bytes, o)), bytes);
});

test('a function call as a top-level Object, inside rpc_result.result, and as invokeWithLayer.query', () => {
  const ping = { _: 'ping', ping_id: 5n } as const;
  for (const o of ENGINES) assert.equal(decode(encode(ping), o), ping);
  const rpc = { _: 'rpc_result', req_msg_id: 4n, result: { _: 'invokeWithLayer', layer: 227, query: { _: 'help.getConfig' } } };
  for (const o of ENGINES) assert.equal(decode(encode(rpc as AnyTlObject), o), rpc);
  const wrapped = {
    _: 'invokeWithLayer',
    layer: 227,
    query: {
      _: 'initConnection',
      api_id: 1,
      device_model: 'd',
      system_version: 's',
      app_version: 'a',
      system_lang_code: 'en',
      lang_pack: '',
      lang_code: 'en',
      query: { _: 'help.getConfig' },
    },
  };
  const bytes = encode(wrapped as never);
  for (const o of ENGINES) {
    const back = decodeRequest(bytes, o) as unknown as { query: { query: unknown } };
    assert.equal(back.query.query, { _: 'help.getConfig' });
    assert.equal(encode(back as never), bytes);
  }
});

test('`!X` still refuses a constructor, and a concrete type refuses a function', () => {
  const bad = encode({ _: 'invokeWithLayer', layer: 1, query: { _: 'help.getConfig' } } as never);
  // Overwrite the query's id with inputPeerSelf#7da07ec9.
  bad.set(hex('c97ea07d'), 8);
  for (const o of ENGINES) {
    assert.throws(
      () => decodeRequest(bad, o),
      (e: unknown) => e instanceof TlError && /inputPeerSelf is not a function/.test(e.message),
    );
  }
  assert.throws(
    () => encode({ _: 'invokeWithLayer', layer: 1, query: { _: 'inputPeerSelf' } } as never),
    (e: unknown) => e instanceof TlError && /is not a function/.test(e.message),
  );
  // updates.getState returns updates.State: a function there is refused.
  for (const o of ENGINES) {
    assert.throws(
      () => decodeResult({ _: 'updates.getState' }, encode({ _: 'ping', ping_id: 1n }), o),
      (e: unknown) => e instanceof TlError && /ping is not updates.State/.test(e.message),
    );
  }
});

test.run();
