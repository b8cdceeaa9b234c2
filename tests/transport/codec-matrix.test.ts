/**
 * Every codec, both directions, every way of cutting the stream: the
 * decoder must return the same packets whether bytes arrive in one chunk
 * holding many frames, byte by byte, or in random pieces.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CODEC_KINDS, createCodec } from '../../ts/transport/codec.js';
import type { Side } from '../../ts/transport/frame.js';
import { CHUNKINGS, concat, feedAll, hex, mtprotoPacket, payloads, Prng } from './_support.js';

/** Sizes around every length-encoding boundary (abridged 126/127 words, 1 MiB). */
const SIZES = [24 + 16, 41, 24 + 16 * 30, 504, 508, 24 + 16 * 300, 1 << 20];

const peer = (side: Side): Side => (side === 'client' ? 'server' : 'client');

for (const kind of CODEC_KINDS) {
  for (const side of ['client', 'server'] as const) {
    for (const [chunking, cut] of Object.entries(CHUNKINGS)) {
      test(`${kind}: ${side}→${peer(side)} packets survive ${chunking}`, () => {
        const prng = new Prng(kind.length * 1000 + side.length * 10 + chunking.length);
        const sender = createCodec(kind, side, { random: prng.source() });
        const receiver = createCodec(kind, peer(side));
        const sizes = chunking === 'byte by byte' ? SIZES.filter((s) => s < 10000) : SIZES;
        const packets = sizes.map((size, i) => mtprotoPacket(prng, size, i % 2 === 1));
        const wire = concat(...packets.map((p) => sender.encode(p)));
        const frames = feedAll((c) => receiver.feed(c), cut(wire, prng));
        assert.equal(payloads(frames).map(hex), packets.map(hex));
        assert.is(receiver.buffered, 0);
      });
    }
  }

  test(`${kind}: a partial frame stays buffered until its last byte arrives`, () => {
    const prng = new Prng(99);
    const packet = mtprotoPacket(prng, 200);
    const wire = createCodec(kind, 'server').encode(packet);
    const client = createCodec(kind, 'client');
    assert.equal(client.feed(wire.subarray(0, wire.length - 1)), []);
    assert.is(client.buffered, wire.length - 1);
    assert.equal(payloads(client.feed(wire.subarray(wire.length - 1))).map(hex), [hex(packet)]);
  });
}

test.run();
