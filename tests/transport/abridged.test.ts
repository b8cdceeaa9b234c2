/**
 * Abridged framing, https://core.telegram.org/mtproto/mtproto-transports#abridged
 * — hand-written wire bytes for each rule of the spec, quick ACKs, transport
 * error codes and the length bound.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createAbridgedCodec } from '../../ts/transport/abridged.js';
import { concat, counting, hex, payloads, throwsTransport, unhex } from './_support.js';

const eight = unhex('0102030405060708');

test('abridged: the client sends 0xef before anything else; the server sends no prefix', () => {
  assert.is(hex(createAbridgedCodec('client').header), 'ef');
  assert.is(createAbridgedCodec('server').header.length, 0);
});

test('abridged: a short packet is length/4 in one byte, then the payload', () => {
  assert.is(hex(createAbridgedCodec('client').encode(eight)), '02' + '0102030405060708');
  assert.is(hex(createAbridgedCodec('server').encode(eight)), '02' + '0102030405060708');
});

test('abridged: 126 words (0x7e) is the longest one-byte length', () => {
  const out = createAbridgedCodec('client').encode(counting(504));
  assert.is(out.length, 505);
  assert.is(out[0], 0x7e);
  assert.is(hex(out.subarray(1)), hex(counting(504)));
});

test('abridged: from 127 words on, 0x7f then the word count in 3 bytes little-endian', () => {
  const codec = createAbridgedCodec('client');
  assert.is(hex(codec.encode(counting(508)).subarray(0, 4)), '7f7f0000');
  assert.is(hex(codec.encode(counting(0x40000 * 4)).subarray(0, 4)), '7f000004');
});

test('abridged: a quick ACK request sets the most significant bit of the length byte (0x7f becomes 0xff)', () => {
  const codec = createAbridgedCodec('client');
  assert.is(hex(codec.encode(eight, { quickAck: true })), '82' + '0102030405060708');
  assert.is(hex(codec.encode(counting(508), { quickAck: true }).subarray(0, 4)), 'ff7f0000');
  // The server never sets the flag.
  assert.is(hex(createAbridgedCodec('server').encode(eight, { quickAck: true })), '02' + '0102030405060708');
});

test('abridged: the server sees the quick ACK request on the decoded packet', () => {
  const server = createAbridgedCodec('server');
  const frames = server.feed(unhex(`82 0102030405060708 ff7f0000${hex(counting(508))}02 0102030405060708`));
  assert.equal(
    frames.map((f) => f.type === 'packet' && f.quickAck),
    [true, true, false],
  );
  assert.equal(payloads(frames).map(hex), [hex(eight), hex(counting(508)), hex(eight)]);
});

test('abridged: a server quick ACK is the token big-endian, its first byte having the top bit set', () => {
  const server = createAbridgedCodec('server');
  assert.is(hex(server.encodeQuickAck(0x80001234)), '80001234');
  assert.is(hex(server.encodeQuickAck(0x1234)), '80001234', 'the top bit is forced on');
  const client = createAbridgedCodec('client');
  assert.equal(client.feed(unhex('80001234 02 0102030405060708')), [
    { type: 'quick-ack', token: 0x80001234 },
    { type: 'packet', payload: eight, quickAck: false },
  ]);
  throwsTransport(() => client.encodeQuickAck(1), /server side only/);
});

test('abridged: a payload that is not a multiple of 4 bytes cannot be framed', () => {
  throwsTransport(() => createAbridgedCodec('client').encode(counting(7)), /not a multiple of 4/);
});

test('abridged: an empty packet is refused both ways', () => {
  throwsTransport(() => createAbridgedCodec('client').encode(new Uint8Array(0)), /empty/);
  throwsTransport(() => createAbridgedCodec('client').feed(unhex('00')), /empty frame/);
});

test('abridged: transport error codes -404, -429, -444 surface as TransportError with the code', () => {
  for (const [bytes, code] of [
    ['6cfeffff', -404],
    ['53feffff', -429],
    ['44feffff', -444],
  ] as const) {
    const [frame] = createAbridgedCodec('client').feed(unhex(`01${bytes}`));
    assert.is(frame!.type, 'error');
    if (frame!.type !== 'error') return;
    assert.is(frame.error.code, code);
    assert.match(frame.error.message, String(code));
  }
});

test('abridged: a positive 4-byte payload is an ordinary packet', () => {
  assert.equal(payloads(createAbridgedCodec('client').feed(unhex('01 94010000'))).map(hex), ['94010000']);
});

test('abridged: a length over maxPayload is refused from the header, before its bytes arrive', () => {
  const codec = createAbridgedCodec('client', { maxPayload: 1024 });
  assert.equal(payloads(codec.feed(concat(unhex('7f000100'), counting(1024)))).length, 1);
  throwsTransport(() => codec.feed(unhex('7f010100')), /1028 bytes exceeds the 1024-byte limit/);
  // The decoder stays failed: the stream cannot be trusted any more.
  throwsTransport(() => codec.feed(counting(4)), /exceeds/);
});

test('abridged: the default bound (16 MiB + 1 KiB) rejects the largest encodable length', () => {
  const codec = createAbridgedCodec('server');
  throwsTransport(() => codec.feed(unhex('7fffffff')), /exceeds/);
  assert.ok(codec.buffered <= 4);
});

test.run();
