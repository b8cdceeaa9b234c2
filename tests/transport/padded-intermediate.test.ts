/**
 * Padded intermediate framing, https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate
 * — random padding (injected), its removal from MTProto packets, error codes
 * followed by padding.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createPaddedIntermediateCodec, stripPadding } from '../../ts/transport/padded-intermediate.js';
import { concat, hex, mtprotoPacket, payloads, Prng, replay, unhex } from './_support.js';

test('padded intermediate: the client sends 0xdddddddd before anything else', () => {
  assert.is(hex(createPaddedIntermediateCodec('client').header), 'dddddddd');
  assert.is(createPaddedIntermediateCodec('server').header.length, 0);
});

test('padded intermediate: 0..15 random bytes follow the payload and count in the length', () => {
  const random = replay(Uint8Array.of(0x03), unhex('aabbcc'), Uint8Array.of(0x10), Uint8Array.of(0xff), new Uint8Array(15).fill(0x55));
  const codec = createPaddedIntermediateCodec('client', { random });
  const eight = unhex('0102030405060708');
  assert.is(hex(codec.encode(eight)), '0b000000' + '0102030405060708' + 'aabbcc');
  assert.is(hex(codec.encode(eight)), '08000000' + '0102030405060708', 'count 0x10 & 15 = no padding');
  assert.is(hex(codec.encode(eight, { quickAck: true })), `170000800102030405060708${'55'.repeat(15)}`);
  assert.is(random.remaining(), 0);
});

test('padded intermediate: received packets come back without their padding', () => {
  const prng = new Prng(7);
  const encrypted = mtprotoPacket(prng, 72);
  const plain = mtprotoPacket(prng, 41, true);
  for (let pad = 0; pad < 16; pad++) {
    const codec = createPaddedIntermediateCodec('client');
    const wire = (p: Uint8Array) => {
      const frame = concat(new Uint8Array(4), p, prng.bytes(pad));
      new DataView(frame.buffer).setUint32(0, p.length + pad, true);
      return frame;
    };
    assert.equal(payloads(codec.feed(concat(wire(encrypted), wire(plain)))).map(hex), [hex(encrypted), hex(plain)], `pad ${pad}`);
  }
});

test('padded intermediate: a transport error code followed by padding is still an error', () => {
  const codec = createPaddedIntermediateCodec('client');
  const frames = codec.feed(unhex(`07000000 6cfeffff 010203  13000000 53feffff${'00'.repeat(15)}`));
  assert.equal(
    frames.map((f) => f.type === 'error' && f.error.code),
    [-404, -429],
  );
});

test('padded intermediate: stripPadding keeps unencrypted bodies by their length field, encrypted ones to whole AES blocks', () => {
  const body = unhex('0000000000000000 1111111111111111 08000000 2222222222222222');
  assert.is(hex(stripPadding(concat(body, unhex('ffffff')))), hex(body));
  const enc = concat(unhex('01'), new Uint8Array(23 + 32));
  assert.is(stripPadding(concat(enc, new Uint8Array(15))).length, 56);
  // Too short or inconsistent input is left for the MTProto layer to reject.
  assert.is(stripPadding(unhex('00000000')).length, 4);
  const lying = unhex('0000000000000000 1111111111111111 ff000000 2222222222222222');
  assert.is(stripPadding(lying).length, lying.length);
});

test.run();
