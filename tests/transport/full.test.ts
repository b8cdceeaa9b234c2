/**
 * Full framing, https://core.telegram.org/mtproto/mtproto-transports#full
 * — length ‖ seqno ‖ payload ‖ CRC32 against hand-checked bytes, the
 * per-direction sequence numbers, CRC and bound checks.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createFullCodec } from '../../ts/transport/full.js';
import { counting, hex, payloads, throwsTransport, unhex } from './_support.js';

const eight = unhex('0102030405060708');
// length 20, seqno 0 / 1, payload, CRC32 (IEEE) of everything before it.
const FRAME0 = '14000000 00000000 0102030405060708 e06e4584';
const FRAME1 = '14000000 01000000 0102030405060708 8f22e01f';

test('full: no prefix; length (whole frame) ‖ seqno ‖ payload ‖ CRC32, little-endian', () => {
  const client = createFullCodec('client');
  assert.is(client.header.length, 0);
  assert.is(hex(client.encode(eight)), hex(unhex(FRAME0)));
  assert.is(hex(client.encode(eight)), hex(unhex(FRAME1)));
});

test('full: the CRC32 is the IEEE one (cross-checked with node:zlib)', () => {
  const frame = createFullCodec('server').encode(counting(1000));
  const crc = new DataView(frame.buffer).getUint32(frame.length - 4, true);
  assert.is(crc, zlibCrc32(frame.subarray(0, frame.length - 4)));
});

test('full: each direction numbers its frames from 0', () => {
  const client = createFullCodec('client');
  const server = createFullCodec('server');
  for (let i = 0; i < 3; i++) {
    const up = client.encode(eight);
    assert.is(new DataView(up.buffer).getUint32(4, true), i);
    assert.equal(payloads(server.feed(up)).map(hex), [hex(eight)]);
  }
  const down = server.encode(eight);
  assert.is(new DataView(down.buffer).getUint32(4, true), 0, 'server→client starts at 0 too');
  assert.equal(payloads(client.feed(down)).map(hex), [hex(eight)]);
});

test('full: a wrong seqno is a TransportError', () => {
  throwsTransport(() => createFullCodec('client').feed(unhex(FRAME1)), /expected seqno 0, got 1/);
  const codec = createFullCodec('client');
  codec.feed(unhex(FRAME0));
  throwsTransport(() => codec.feed(unhex(FRAME0)), /expected seqno 1, got 0/);
});

test('full: a CRC32 mismatch is a TransportError, and the decoder stays failed', () => {
  const bad = unhex(FRAME0);
  bad[9] ^= 1;
  const codec = createFullCodec('client');
  throwsTransport(() => codec.feed(bad), /CRC32 mismatch/);
  throwsTransport(() => codec.feed(unhex(FRAME0)), /CRC32 mismatch/);
});

test('full: lengths below 12 or above maxPayload + 12 are refused from the header', () => {
  throwsTransport(() => createFullCodec('client').feed(unhex('08000000')), /below the 12-byte minimum/);
  throwsTransport(() => createFullCodec('client').feed(unhex('0c000000')), /empty frame/);
  const codec = createFullCodec('client', { maxPayload: 8 });
  assert.equal(payloads(codec.feed(unhex(FRAME0))).map(hex), [hex(eight)]);
  throwsTransport(() => codec.feed(unhex('15000000')), /9 bytes exceeds the 8-byte limit/);
});

test('full: a framed transport error code surfaces as TransportError with the code', () => {
  const [frame] = createFullCodec('client').feed(unhex('10000000 00000000 6cfeffff 0d2f4107'));
  assert.ok(frame!.type === 'error' && frame!.error.code === -404);
});

test('full: an unframed error code (a negative length) throws TransportError with the code, and the codec stays failed', () => {
  const codec = createFullCodec('client');
  throwsTransport(() => codec.feed(unhex('53feffff 53feffff 53feffff')), /transport error -429/, -429);
  throwsTransport(() => codec.feed(unhex(FRAME0)), /transport error -429/, -429);
});

test('full: a first length >= 0x80000000 from a client fails the server codec (issue 10: it was swallowed with the stream left open)', () => {
  const server = createFullCodec('server');
  throwsTransport(() => server.feed(unhex('00000080')), /transport error/);
  // Nothing after it is read as frames: the stream is dead, the caller closes it.
  throwsTransport(() => server.feed(createFullCodec('client').encode(eight)), /transport error/);
});

test('full: there are no quick ACKs', () => {
  throwsTransport(() => createFullCodec('server').encodeQuickAck(1), /no quick ACKs/);
  // A quickAck option is ignored rather than corrupting the length.
  assert.is(hex(createFullCodec('client').encode(eight, { quickAck: true })), hex(unhex(FRAME0)));
});

test.run();
