/**
 * Intermediate framing, https://core.telegram.org/mtproto/mtproto-transports#intermediate
 * — wire bytes, quick ACKs, transport error codes, the length bound.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createIntermediateCodec } from '../../ts/transport/intermediate.js';
import { concat, counting, hex, payloads, throwsTransport, unhex } from './_support.js';

const eight = unhex('0102030405060708');

test('intermediate: the client sends 0xeeeeeeee before anything else; the server sends no prefix', () => {
  assert.is(hex(createIntermediateCodec('client').header), 'eeeeeeee');
  assert.is(createIntermediateCodec('server').header.length, 0);
});

test('intermediate: each packet is a 4-byte little-endian length, then the payload', () => {
  assert.is(hex(createIntermediateCodec('client').encode(eight)), '08000000' + '0102030405060708');
  assert.is(hex(createIntermediateCodec('server').encode(counting(0x1234)).subarray(0, 4)), '34120000');
});

test("intermediate: a quick ACK request sets the length's most significant bit", () => {
  assert.is(hex(createIntermediateCodec('client').encode(eight, { quickAck: true })), '08000080' + '0102030405060708');
  const [frame] = createIntermediateCodec('server').feed(unhex('08000080 0102030405060708'));
  assert.equal(frame, { type: 'packet', payload: eight, quickAck: true });
});

test('intermediate: a server quick ACK is the token alone in place of a length', () => {
  const server = createIntermediateCodec('server');
  assert.is(hex(server.encodeQuickAck(0x80001234)), '34120080');
  const client = createIntermediateCodec('client');
  assert.equal(client.feed(unhex('34120080 08000000 0102030405060708')), [
    { type: 'quick-ack', token: 0x80001234 },
    { type: 'packet', payload: eight, quickAck: false },
  ]);
});

test('intermediate: transport error codes -404, -429, -444 surface as TransportError with the code', () => {
  const client = createIntermediateCodec('client');
  const frames = client.feed(unhex('04000000 6cfeffff 04000000 53feffff 04000000 44feffff'));
  assert.equal(
    frames.map((f) => f.type === 'error' && f.error.code),
    [-404, -429, -444],
  );
});

test('intermediate: payloads may have any length', () => {
  const codec = createIntermediateCodec('client');
  assert.is(hex(codec.encode(counting(5))), '05000000' + '0001020304');
  throwsTransport(() => codec.encode(new Uint8Array(0)), /empty/);
});

test('intermediate: a length over maxPayload is refused from the header, before its bytes arrive', () => {
  const codec = createIntermediateCodec('server', { maxPayload: 100 });
  assert.equal(payloads(codec.feed(concat(unhex('64000000'), counting(100)))).length, 1);
  throwsTransport(() => codec.feed(unhex('65000000')), /101 bytes exceeds the 100-byte limit/);
  throwsTransport(() => createIntermediateCodec('server').feed(unhex('ffffff7f')), /exceeds/);
  throwsTransport(() => createIntermediateCodec('server').feed(unhex('00000000')), /empty frame/);
});

test.run();
