import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { encode, idOf } from '../../ts/tl/codec/index.js';
import { getSchema } from '../../ts/tl/codec/load-schema.js';
import { K_OBJECT, K_QUERY } from '../../ts/tl/codec/type-code.js';
import { getTlModule, TAPE_GZIP, TAPE_VECTOR } from '../../ts/tl/wasm/tl-module.js';
import { unhex as hex } from '../_hex.js';

const s = getSchema();
const mod = getTlModule(s)!;
const def = (name: string) => s.byName.get(name)!;
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b.toString('hex');
};

test('scanner: loads synchronously and is a few KB', () => {
  assert.ok(mod, 'WASM module');
  assert.ok(mod.exports.heapBase() >= 16384);
});

test('tape: inputPeerUser is its definition index, then the byte offsets of its two longs', () => {
  const r = mod.scan(encode({ _: 'inputPeerUser', user_id: 1n, access_hash: 2n }), K_OBJECT, 64);
  assert.ok('tape' in r);
  if ('tape' in r) {
    assert.equal([...r.tape], [def('inputPeerUser'), 4, 12]);
    assert.is(r.consumed, 20);
  }
});

test('tape: flags word, present optional fields only, strings as offset + length', () => {
  // contacts.resolveUsername flags:# username:string referer:flags.0?string
  const bytes = encode({ _: 'contacts.resolveUsername', username: 'durov', referer: 'x' });
  const r = mod.scan(bytes, K_QUERY, 64);
  assert.ok('tape' in r && [...r.tape].join() === [def('contacts.resolveUsername'), 1, 9, 5, 17, 1].join());
  const without = mod.scan(encode({ _: 'contacts.resolveUsername', username: 'durov' }), K_QUERY, 64);
  assert.ok('tape' in without && [...without.tape].join() === [def('contacts.resolveUsername'), 0, 9, 5].join());
});

test('tape: vectors are a count then elements; gzip_packed and loose vectors are marked', () => {
  const ack = mod.scan(encode({ _: 'msgs_ack', msg_ids: [1n, 2n] }), K_OBJECT, 64);
  assert.ok('tape' in ack && [...ack.tape].join() === [def('msgs_ack'), 2, 12, 20].join());
  const gz = mod.scan(hex(`${le32(0x3072cfa1)}03010203`), K_OBJECT, 64);
  assert.ok('tape' in gz && [...gz.tape].join() === [TAPE_GZIP, 5, 3].join());
  // rpc_result with a Vector<User>-like result read as Object: a marked vector of boxed objects.
  const rpc = hex(`${le32(idOf('rpc_result')!)}010000000000000015c4b51c01000000${le32(idOf('inputPeerSelf')!)}`);
  const loose = mod.scan(rpc, K_OBJECT, 64);
  assert.ok('tape' in loose && [...loose.tape].join() === [def('rpc_result'), 4, TAPE_VECTOR, 1, def('inputPeerSelf')].join());
});

test('scanner errors: code and offset', () => {
  const fails = (bytes: Uint8Array, code: number, offset: number, type = K_OBJECT) => {
    const r = mod.scan(bytes, type, 64);
    assert.ok(!('tape' in r), 'expected a failure');
    if (!('tape' in r)) assert.equal([r.code, r.offset], [code, offset]);
  };
  fails(new Uint8Array(0), 1, 0); // truncated
  fails(hex('01020304'), 2, 0); // unknown id
  fails(hex(`${le32(idOf('users.getUsers')!)}15c4b51cffffff7f`), 4, 8, K_QUERY); // count
  fails(hex(`${le32(idOf('rpc_error')!)}01000000ff000000`), 5, 8); // 0xff prefix
  fails(hex(`${le32(idOf('users.getUsers')!)}01020304`), 7, 4, K_QUERY); // not a Vector
  fails(encode({ _: 'inputPeerSelf' }), 3, 0, K_QUERY); // a constructor where a function is expected
});

test('scanner: `Object` admits function calls (ping in msg_container, invokeWithLayer in rpc_result.result); `!X` and concrete types do not', () => {
  // https://core.telegram.org/mtproto/TL-abstract-types: an `Object` field holds
  // constructors and function calls alike. The scanner itself must accept them
  // (before the fix it failed and only the JS fallback of decode() hid it).
  const ping = encode({ _: 'ping', ping_id: 7n });
  const top = mod.scan(ping, K_OBJECT, 64);
  assert.ok('tape' in top, 'a ping as a top-level Object');
  if ('tape' in top) assert.equal([...top.tape], [def('ping'), 4]);
  const container = encode({
    _: 'msg_container',
    messages: [
      { _: 'message', msg_id: 5n, seqno: 1, bytes: 20, body: { _: 'msgs_ack', msg_ids: [1n] } },
      { _: 'message', msg_id: 9n, seqno: 3, bytes: 12, body: { _: 'ping', ping_id: 7n } },
    ],
  } as never);
  const r = mod.scan(container, K_OBJECT, 64);
  assert.ok('tape' in r, 'ping inside msg_container');
  if ('tape' in r) assert.is(r.consumed, container.length);
  const rpc = encode({
    _: 'rpc_result',
    req_msg_id: 4n,
    result: { _: 'invokeWithLayer', layer: 227, query: { _: 'help.getConfig' } },
  } as never);
  const inRpc = mod.scan(rpc, K_OBJECT, 64);
  assert.ok('tape' in inRpc, 'invokeWithLayer as rpc_result.result');
  if ('tape' in inRpc) assert.equal([...inRpc.tape], [def('rpc_result'), 4, def('invokeWithLayer'), 227, def('help.getConfig')]);
  // Still refused: a constructor where a function is expected, a function where a concrete type is.
  const bad = mod.scan(encode({ _: 'inputPeerSelf' }), K_QUERY, 64);
  assert.ok(!('tape' in bad) && bad.code === 3);
  // inputPeerUser#dde8a54c user_id:long access_hash:long with a function id (ping) in place of the InputPeer.
  const fnAsType = hex(`${le32(idOf('messages.getHistory')!)}${le32(idOf('ping')!)}0700000000000000`);
  const wrong = mod.scan(fnAsType, K_QUERY, 64);
  assert.ok(!('tape' in wrong) && wrong.code === 3 && wrong.offset === 4);
});

test.run();
