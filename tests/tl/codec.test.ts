import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlError } from '../../ts/errors.js';
import {
  decode,
  decodeRequest,
  decodeResult,
  encode,
  idOf,
  nameOf,
  TlReader,
  TlWriter,
  type ReadOptions,
} from '../../ts/tl/codec/index.js';
import type { AnyRequest, AnyTlObject } from '../../ts/tl/generated/types.js';
import * as sample from './fixtures/auth-key-sample.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
const cat = (...parts: (string | Uint8Array)[]) => Uint8Array.from(Buffer.concat(parts.map((p) => (typeof p === 'string' ? hex(p) : p))));
const le32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n, true);
  return b;
};
const le64 = (n: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, n, true);
  return b;
};
/** Bytes of a boxed id, as it appears on the wire (little-endian). */
const id = (name: string) => le32(idOf(name)!);

/**
 * Asserts that `fn` throws a TlError whose offset is `offset` and whose
 * message contains `text`, with each decoding engine.
 */
function throwsTl(fn: (options: ReadOptions) => unknown, offset: number, text: string | RegExp) {
  for (const options of [{ engine: 'js' }, { engine: 'js', compile: false }, { engine: 'wasm' }] as ReadOptions[]) {
    try {
      fn(options);
    } catch (e) {
      assert.instance(e, TlError, String(e));
      assert.is((e as TlError).offset, offset, `${JSON.stringify(options)}: ${(e as Error).message}`);
      assert.match((e as Error).message, text);
      continue;
    }
    assert.unreachable(`no TlError with ${JSON.stringify(options)}`);
  }
}

// ---- Fixed vectors from https://core.telegram.org/mtproto/samples-auth_key -------------

test('auth key sample 1: req_pq_multi encodes to the bytes of the sent payload', () => {
  const req = { _: 'req_pq_multi', nonce: hex(sample.NONCE) } as const;
  assert.is(toHex(encode(req)), sample.REQ_PQ_MULTI);
  assert.equal(decodeRequest(hex(sample.REQ_PQ_MULTI)), req);
});

test('auth key sample 2: resPQ decodes (pq bytes with padding, Vector<long> of 3 fingerprints)', () => {
  const res = decode(hex(sample.RES_PQ));
  assert.equal(res, {
    _: 'resPQ',
    nonce: hex(sample.NONCE),
    server_nonce: hex(sample.SERVER_NONCE),
    pq: hex('1503491A5532EFE1'),
    server_public_key_fingerprints: [
      BigInt.asIntN(64, 0xd09d1d85de64fd85n),
      BigInt.asIntN(64, 0x0bc35f3509f7b7a5n),
      BigInt.asIntN(64, 0xc3b42b026ce86b21n),
    ],
  });
  // 1514134277173997537 = pq read big-endian, as the page says.
  assert.is(BigInt(`0x${toHex((res as { pq: Uint8Array }).pq)}`), 1514134277173997537n);
  assert.is(toHex(encode(res)), sample.RES_PQ.replace(/\s+/g, ''));
});

test('auth key sample 4: p_q_inner_data_dc encodes to the published plaintext', () => {
  const inner = {
    _: 'p_q_inner_data_dc',
    pq: hex('1503491A5532EFE1'),
    p: hex('3ED33403'),
    q: hex('559F914B'),
    nonce: hex(sample.NONCE),
    server_nonce: hex(sample.SERVER_NONCE),
    new_nonce: hex(sample.NEW_NONCE),
    dc: 2,
  } as const;
  assert.is(toHex(encode(inner)), sample.P_Q_INNER_DATA_DC);
  assert.equal(decode(hex(sample.P_Q_INNER_DATA_DC)), inner);
});

test('auth key sample 5: req_DH_params with a 256-byte encrypted_data (4-byte length header)', () => {
  const req = {
    _: 'req_DH_params',
    nonce: hex(sample.NONCE),
    server_nonce: hex(sample.SERVER_NONCE),
    p: hex('3ED33403'),
    q: hex('559F914B'),
    public_key_fingerprint: BigInt.asIntN(64, 0xd09d1d85de64fd85n),
    encrypted_data: hex(sample.ENCRYPTED_DATA),
  } as const;
  const bytes = encode(req);
  // Sent payload offsets 20.. : id, nonces, p, q, fingerprint, then FE 00 01 00 and the data.
  assert.is(
    toHex(bytes),
    'BEE412D7' +
      sample.NONCE +
      sample.SERVER_NONCE +
      '043ED33403000000' +
      '04559F914B000000' +
      '85FD64DE851D9DD0' +
      'FE000100' +
      sample.ENCRYPTED_DATA,
  );
  assert.is(bytes.length, 320); // message_length in the sample
});

test('auth key sample 6: server_DH_params_ok decodes a 592-byte encrypted_answer', () => {
  const body = cat('5C07E8D0', sample.NONCE, sample.SERVER_NONCE, 'FE500200', sample.ENCRYPTED_ANSWER);
  assert.is(body.length, 632); // message_length in the sample
  const res = decode(body) as { _: string; encrypted_answer: Uint8Array; nonce: Uint8Array };
  assert.is(res._, 'server_DH_params_ok');
  assert.equal(res.nonce, hex(sample.NONCE));
  assert.is(res.encrypted_answer.length, 592);
  assert.is(toHex(res.encrypted_answer), sample.ENCRYPTED_ANSWER);
  assert.equal(encode(res as AnyTlObject), body);
});

// ---- Hand-written API requests -------------------------------------------------------------

test('invokeWithLayer(227, help.getConfig) is 0d0d9bda e3000000 6b18f9c4', () => {
  const req = { _: 'invokeWithLayer', layer: 227, query: { _: 'help.getConfig' } } as const;
  assert.is(toHex(encode(req)), '0D0D9BDAE30000006B18F9C4');
  assert.equal(decodeRequest(hex('0D0D9BDAE30000006B18F9C4')), req);
});

test('messages.sendMessage: flags word from the present fields, true flags take no bytes', () => {
  const req: AnyRequest = {
    _: 'messages.sendMessage',
    silent: true,
    peer: { _: 'inputPeerSelf' },
    message: 'hi',
    random_id: 0x0102030405060708n,
  };
  assert.is(
    toHex(encode(req)),
    '628FF4FE' + // messages.sendMessage#fef48f62
      '20000000' + // flags: bit 5 (silent)
      'C97EA07D' + // inputPeerSelf#7da07ec9
      '02686900' + // "hi": length byte, data, one byte of padding
      '0807060504030201', // random_id
  );
  const withEntities = encode({ ...req, silent: false, entities: [{ _: 'messageEntityBold', offset: 0, length: 2 }] });
  assert.is(
    toHex(withEntities),
    '628FF4FE' + '08000000' + 'C97EA07D' + '02686900' + '0807060504030201' + '15C4B51C' + '01000000' + 'C90B61BD' + '00000000' + '02000000', // Vector<MessageEntity> of one messageEntityBold
  );
});

test('users.getUsers: boxed Vector<InputUser>; contacts.resolveUsername: optional string', () => {
  assert.is(
    toHex(encode({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }, { _: 'inputUser', user_id: 7n, access_hash: -2n }] })),
    '48A5910D' + '15C4B51C' + '02000000' + '3FB1C1F7' + 'C65811F2' + '0700000000000000' + 'FEFFFFFFFFFFFFFF',
  );
  assert.is(
    toHex(encode({ _: 'contacts.resolveUsername', username: 'durov', referer: 'x' })),
    'BCFB5A72' + '01000000' + '056475726F760000' + '01780000',
  );
});

test('strings: UTF-8, 253 bytes with a 1-byte header, 254+ bytes with a 4-byte header', () => {
  const w = new TlWriter();
  w.string('é');
  w.string('a'.repeat(253));
  w.string('b'.repeat(254));
  const b = w.result();
  assert.is(toHex(b.subarray(0, 4)), '02C3A900');
  assert.is(b[4], 253);
  assert.is(b.length, 4 + 256 + (4 + 256));
  assert.is(toHex(b.subarray(260, 264)), 'FEFE0000');
  const r = new TlReader(b);
  assert.is(r.string(), 'é');
  assert.is(r.string(), 'a'.repeat(253));
  assert.is(r.string(), 'b'.repeat(254));
  assert.is(r.remaining, 0);
  // Invalid UTF-8 decodes to U+FFFD instead of throwing.
  assert.is(new TlReader(hex('02FF4100')).string(), '\uFFFDA');
});

test('double and Bool: inputGeoPoint lat 1.5, account.updateStatus(offline=true)', () => {
  assert.is(
    toHex(encode({ _: 'inputGeoPoint', lat: 1.5, long: -2, accuracy_radius: 10 })),
    'AF2F2248' + '01000000' + '000000000000F83F' + '00000000000000C0' + '0A000000',
  );
  assert.is(toHex(encode({ _: 'account.updateStatus', offline: true })), '2C562866' + 'B5757299');
});

// ---- Responses ------------------------------------------------------------------------------

test('decodeResult: Vector<int>, Bool and a result behind invokeWithLayer', () => {
  assert.equal(decodeResult({ _: 'contacts.getContactIDs', hash: 0n }, hex('15C4B51C 02000000 01000000 FFFFFFFF')), [1, -1]);
  assert.is(decodeResult({ _: 'account.updateStatus', offline: false }, hex('379779BC')), false);
  const state = cat(id('updates.state'), le32(1), le32(2), le32(3), le32(4), le32(5));
  const wrapped = { _: 'invokeWithLayer', layer: 227, query: { _: 'updates.getState' } } as const;
  assert.equal(decodeResult(wrapped, state), { _: 'updates.state', pts: 1, qts: 2, date: 3, seq: 4, unread_count: 5 });
  throwsTl((o) => decodeResult({ _: 'updates.getState' }, cat(id('pong'), le64(1n), le64(2n)), o), 0, 'pong is not updates.State');
});

test('gzip_packed is inflated transparently, inside rpc_result and in place of a field', () => {
  const state = cat(id('updates.state'), le32(10), le32(20), le32(30), le32(40), le32(50));
  const packed = gzipSync(state);
  const gz = new TlWriter();
  gz.raw(id('gzip_packed'));
  gz.bytes(packed);
  const rpc = cat(id('rpc_result'), le64(99n), gz.result());
  assert.equal(decode(rpc), {
    _: 'rpc_result',
    req_msg_id: 99n,
    result: { _: 'updates.state', pts: 10, qts: 20, date: 30, seq: 40, unread_count: 50 },
  });
  // A gzipped Vector<int> result, read with its request's type.
  const ids = gzipSync(hex('15C4B51C 01000000 2A000000'));
  const w = new TlWriter();
  w.raw(id('gzip_packed'));
  w.bytes(ids);
  assert.equal(decodeResult({ _: 'contacts.getContactIDs', hash: 0n }, w.result()), [42]);
});

test('rpc_result read without its request (a trace, `wasmgram tl decode`): a Bool result is a boolean, a Vector one a loose vector', () => {
  const pong = cat(id('pong'), le64(5n), le64(6n));
  for (const o of [{ engine: 'js' }, { engine: 'js', compile: false }, { engine: 'wasm' }] as ReadOptions[]) {
    // boolTrue = 0x997275b5, boolFalse = 0xbc799737 (https://core.telegram.org/type/Bool).
    assert.equal(decode(cat(id('rpc_result'), le64(7n), hex('B5757299')), o), { _: 'rpc_result', req_msg_id: 7n, result: true });
    assert.equal(decode(cat(id('rpc_result'), le64(8n), hex('379779BC')), o), { _: 'rpc_result', req_msg_id: 8n, result: false });
    assert.equal(decode(cat(id('rpc_result'), le64(9n), hex('15C4B51C 01000000'), pong), o), {
      _: 'rpc_result',
      req_msg_id: 9n,
      result: [{ _: 'pong', msg_id: 5n, ping_id: 6n }],
    });
  }
  // Where a type is expected, a Bool constructor is still no object of it.
  throwsTl((o) => decodeResult({ _: 'updates.getState' }, hex('B5757299'), o), 0, 'unknown constructor id #997275b5');
});

test('msg_container: bare vector of bare messages with Object bodies; future_salts: bare vector of bare future_salt', () => {
  const pong = cat(id('pong'), le64(5n), le64(6n));
  const created = cat(id('new_session_created'), le64(1n), le64(2n), le64(3n));
  const container = cat(
    id('msg_container'),
    le32(2),
    le64(100n),
    le32(1),
    le32(pong.length),
    pong,
    le64(104n),
    le32(3),
    le32(created.length),
    created,
  );
  assert.equal(decode(container), {
    _: 'msg_container',
    messages: [
      { _: 'message', msg_id: 100n, seqno: 1, bytes: 20, body: { _: 'pong', msg_id: 5n, ping_id: 6n } },
      {
        _: 'message',
        msg_id: 104n,
        seqno: 3,
        bytes: 28,
        body: { _: 'new_session_created', first_msg_id: 1n, unique_id: 2n, server_salt: 3n },
      },
    ],
  });
  assert.equal(encode(decode(container)), container);
  const salts = cat(id('future_salts'), le64(7n), le32(1000), le32(1), le32(11), le32(12), le64(13n));
  assert.equal(decode(salts), {
    _: 'future_salts',
    req_msg_id: 7n,
    now: 1000,
    salts: [{ _: 'future_salt', valid_since: 11, valid_until: 12, salt: 13n }],
  });
});

test('long vectors: 100 000 longs, 5 000 users, a 70 000-byte bytes field', () => {
  const ids = Array.from({ length: 100_000 }, (_, i) => BigInt(i) * 1_000_003n - 7n);
  const ack = encode({ _: 'msgs_ack', msg_ids: ids });
  assert.is(ack.length, 4 + 8 + 800_000);
  assert.equal((decode(ack) as { msg_ids: bigint[] }).msg_ids, ids);
  const users = Array.from({ length: 5_000 }, (_, i) => ({ _: 'inputUser' as const, user_id: BigInt(i), access_hash: BigInt(-i) }));
  assert.equal((decodeRequest(encode({ _: 'users.getUsers', id: users })) as { id: unknown[] }).id, users);
  const big = Uint8Array.from({ length: 70_000 }, (_, i) => i * 7);
  const part = encode({ _: 'upload.saveFilePart', file_id: 1n, file_part: 0, bytes: big });
  assert.is(toHex(part.subarray(16, 20)), 'FE701101'); // 254, then 70000 = 0x011170 little-endian
  assert.equal((decodeRequest(part) as { bytes: Uint8Array }).bytes, big);
});

test('views option returns bytes as views of the input; default is a copy', () => {
  const b = encode({ _: 'req_pq_multi', nonce: new Uint8Array(16).fill(9) });
  const copy = decodeRequest(b) as { nonce: Uint8Array };
  const view = decodeRequest(b, { views: true }) as { nonce: Uint8Array };
  b[4] = 1;
  assert.is(copy.nonce[0], 9);
  assert.is(view.nonce[0], 1);
});

test('idOf / nameOf', () => {
  assert.is(idOf('messages.sendMessage'), 0xfef48f62);
  assert.is(nameOf(0x1cb5c415), undefined); // Vector is native, not a table entry
  assert.is(nameOf(0x05162463), 'resPQ');
  // `message` is the API constructor; MTProto's bare `message` has no id.
  assert.is(idOf('message'), 0x7600b9d3);
});

// ---- Bad input: TlError with the offset ---------------------------------------------------------

test('decode errors: empty, unknown id, truncation, trailing bytes', () => {
  throwsTl((o) => decode(new Uint8Array(0), o), 0, 'unexpected end of data: need 4 bytes, 0 left');
  throwsTl((o) => decode(hex('01020304'), o), 0, 'unknown constructor id #04030201');
  const user = encode({ _: 'inputPeerUser', user_id: 1n, access_hash: 2n });
  throwsTl((o) => decode(user.subarray(0, 10), o), 4, 'need 8 bytes, 6 left');
  throwsTl((o) => decode(cat(user, '00'), o), 20, '1 unexpected bytes after the object');
  throwsTl((o) => decodeRequest(user, o), 0, 'inputPeerUser is not a function');
  // A boxed value of type `Object` may be a function call too (issue 9), so `decode` accepts one;
  // a field typed with a concrete type still refuses it.
  throwsTl((o) => decode(cat(id('inputPeerChannel'), le64(1n), le64(2n)).subarray(0, 4), o), 4, 'need 8 bytes, 0 left');
});

test('decode errors: a constructor of the wrong type names the expected type', () => {
  const bad = cat('628FF4FE', '00000000', id('inputUserSelf'));
  throwsTl((o) => decodeRequest(bad, o), 8, 'inputUserSelf is not InputPeer');
  throwsTl((o) => decodeRequest(cat(id('users.getUsers'), '01020304'), o), 4, 'expected a Vector (#1cb5c415), found #4030201');
});

test('decode errors: lengths and counts past the end are rejected before allocating', () => {
  throwsTl(
    (o) => decodeRequest(cat(id('users.getUsers'), '15C4B51C', 'FFFFFF7F'), o),
    8,
    'vector count 2147483647 does not fit in the 0 bytes left',
  );
  throwsTl((o) => decodeRequest(cat(id('users.getUsers'), '15C4B51C', 'FFFFFFFF'), o), 8, 'vector count -1');
  throwsTl((o) => decode(cat(id('msgs_ack'), '15C4B51C', '02000000', le64(1n)), o), 8, 'vector count 2 does not fit in the 8 bytes left');
  throwsTl((o) => decode(cat(id('rpc_error'), '01000000', 'FE000100', '00'), o), 8, 'string of 256 bytes runs past the end');
  throwsTl((o) => decode(cat(id('rpc_error'), '01000000', '05414243'), o), 8, 'string of 5 bytes runs past the end');
  throwsTl((o) => decode(cat(id('rpc_error'), '01000000', 'FF000000'), o), 8, 'invalid string length prefix 0xff');
});

test('decode errors: nesting deeper than maxDepth', () => {
  // textConcat#7e6260d7 texts:Vector<RichText>, nested 70 times.
  const parts: Uint8Array[] = [];
  for (let i = 0; i < 70; i++) parts.push(id('textConcat'), hex('15C4B51C 01000000'));
  parts.push(id('textEmpty'));
  const deep = cat(...parts);
  // The 65th textConcat starts at byte 64 * 12.
  throwsTl((o) => decode(deep, o), 64 * 12, 'nesting deeper than 64');
  assert.is((decode(deep, { maxDepth: 100 }) as { _: string })._, 'textConcat');
});

test('decode errors: corrupt gzip, and gzip bombs stop at the inflate limit', () => {
  const gz = (payload: Uint8Array) => {
    const w = new TlWriter();
    w.raw(id('gzip_packed'));
    w.bytes(payload);
    return w.result();
  };
  throwsTl((o) => decode(gz(hex('1F8B0800DEADBEEF')), o), 0, 'not a valid or complete gzip stream');
  const bomb = gz(gzipSync(new Uint8Array(8 * 1024 * 1024)));
  assert.ok(bomb.length < 16 * 1024, `bomb is ${bomb.length} bytes`);
  throwsTl((o) => decode(bomb, { maxInflated: 1024 * 1024, ...o }), 0, 'inflates past the 1048576-byte limit');
  // Within the limit it inflates, and the zeros inside are not an object.
  throwsTl((o) => decode(bomb, o), 0, 'inside gzip_packed: unknown constructor id #00000000 (at byte 0)');
});

// ---- Encode errors -------------------------------------------------------------------------------

test('encode errors name the path to the field (generated and table-walking writers alike)', () => {
  const cases: [unknown, string][] = [
    [{ _: 'nope' }, "unknown constructor or function 'nope'"],
    [{ _: 'inputPeerUser', user_id: 1n }, 'inputPeerUser.access_hash: required field is missing'],
    [
      { _: 'messages.sendMessage', peer: { _: 'inputUserSelf' }, message: '', random_id: 1n },
      'messages.sendMessage.peer: inputUserSelf is not InputPeer',
    ],
    [{ _: 'inputPeerChat', chat_id: 2n ** 64n }, 'inputPeerChat.chat_id: not a 64-bit integer: 18446744073709551616'],
    [{ _: 'inputMessageID', id: 1.5 }, 'inputMessageID.id: not a 32-bit integer: 1.5'],
    [{ _: 'inputMessageID', id: 2 ** 32 }, 'inputMessageID.id: not a 32-bit integer: 4294967296'],
    [{ _: 'req_pq_multi', nonce: new Uint8Array(15) }, 'req_pq_multi.nonce: expected 16 bytes'],
    [{ _: 'users.getUsers', id: {} }, 'users.getUsers.id: expected an array'],
    [{ _: 'invokeWithLayer', layer: 1, query: { _: 'inputPeerSelf' } }, 'invokeWithLayer.query: inputPeerSelf is not a function'],
    // live_photo and video share flags.2 in inputMediaPhoto: setting one requires the other.
    [
      { _: 'inputMediaPhoto', live_photo: true, id: { _: 'inputPhotoEmpty' } },
      'inputMediaPhoto.video: required: another field set its flag bit 2',
    ],
    [
      {
        _: 'messages.sendMessage',
        peer: { _: 'inputPeerSelf' },
        message: '',
        random_id: 1n,
        entities: [{ _: 'messageEntityBold', offset: 0 }],
      },
      'messages.sendMessage.entities.messageEntityBold.length: required field is missing',
    ],
  ];
  for (const compile of [true, false]) {
    for (const [obj, message] of cases) {
      try {
        encode(obj as AnyTlObject, { compile });
        assert.unreachable(`encoded ${message}`);
      } catch (e) {
        assert.instance(e, TlError);
        assert.is((e as Error).message, message);
      }
    }
  }
});

test('encode accepts unsigned 32-bit ints and long given as a safe-integer number', () => {
  assert.is(toHex(encode({ _: 'inputMessageID', id: 0xffffffff })), '22A376A6FFFFFFFF');
  assert.is(toHex(encode({ _: 'inputPeerChat', chat_id: 5 as unknown as bigint })), 'B95CA9350500000000000000');
});

test.run();
