/**
 * Property tests (fast-check) over the transport codecs: for any MTProto
 * packets and any way of cutting the wire bytes, decode(encode(x)) = x — for
 * every codec in both directions, plain and inside obfuscated2 — and any
 * byte string fed to a decoder yields frames or a `TransportError`, nothing
 * else. Seeded, so a failure replays. https://core.telegram.org/mtproto/mtproto-transports
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TransportError } from '../../ts/errors.js';
import { createClientStream } from '../../ts/transport/client-stream.js';
import { CODEC_KINDS, createCodec, OBFUSCATABLE_CODECS } from '../../ts/transport/codec.js';
import type { Frame } from '../../ts/transport/frame.js';
import { createServerStream } from '../../ts/transport/server-stream.js';
import { crypto, hex, loadCrypto, Prng } from './_support.js';

test.before(async () => {
  await loadCrypto();
});

const SETTINGS = { seed: 0x10c0dec, numRuns: 150 };

/**
 * An MTProto-shaped packet (padded intermediate recovers the payload only
 * for these): an encrypted message (nonzero auth_key_id, 24 + 16k bytes) or
 * an unencrypted one (auth_key_id 0, its body length at bytes 16..20).
 */
const packet = fc.oneof(
  fc.tuple(fc.uint8Array({ minLength: 24, maxLength: 24 }), fc.integer({ min: 0, max: 80 })).map(([head, blocks]) => {
    const out = new Uint8Array(24 + 16 * blocks);
    out.set(head);
    for (let i = 24; i < out.length; i++) out[i] = (i * 131 + blocks) & 0xff;
    out[0]! |= 1;
    return out;
  }),
  fc.tuple(fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.integer({ min: 1, max: 300 })).map(([msgId, words]) => {
    const out = new Uint8Array(20 + 4 * words);
    out.set(msgId, 8);
    new DataView(out.buffer).setUint32(16, 4 * words, true);
    for (let i = 20; i < out.length; i++) out[i] = (i * 7 + words) & 0xff;
    return out;
  }),
);

/** Cut points: chunk sizes (cycled) to split the wire with. */
const chunking = fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 12 });

function cut(data: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0, k = 0; i < data.length; k++) {
    const n = Math.min(data.length - i, sizes[k % sizes.length]!);
    out.push(data.slice(i, i + n));
    i += n;
  }
  return out;
}

function packets(frames: Frame[]): string[] {
  return frames.map((f) => (f.type === 'packet' ? hex(f.payload) : `<${f.type}>`));
}

for (const kind of CODEC_KINDS) {
  test(`property: ${kind} round-trips any packets under any chunking, both directions`, () => {
    fc.assert(
      fc.property(fc.array(packet, { minLength: 1, maxLength: 6 }), chunking, fc.integer(), (items, sizes, seed) => {
        const prng = new Prng(seed);
        for (const [from, to] of [
          ['client', 'server'],
          ['server', 'client'],
        ] as const) {
          const enc = createCodec(kind, from, { random: prng.source() });
          const dec = createCodec(kind, to);
          const wire = Buffer.concat([from === 'client' ? enc.header : new Uint8Array(0), ...items.map((p) => enc.encode(p))]);
          const body = from === 'client' ? wire.subarray(enc.header.length) : wire;
          const frames = cut(body, sizes).flatMap((c) => dec.feed(c));
          assert.equal(packets(frames), items.map(hex));
          assert.is(dec.buffered, 0);
        }
      }),
      SETTINGS,
    );
  });
}

for (const kind of OBFUSCATABLE_CODECS) {
  test(`property: obfuscated2 + ${kind} round-trips through detection under any chunking`, () => {
    fc.assert(
      fc.property(fc.array(packet, { minLength: 1, maxLength: 4 }), chunking, fc.integer(), (items, sizes, seed) => {
        const prng = new Prng(seed);
        const client = createClientStream({ codec: kind, obfuscation: { crypto: crypto(), dcId: 3 }, random: prng.source() });
        const server = createServerStream({ crypto: crypto(), random: prng.source() });
        const up = Buffer.concat(items.map((p) => client.encode(p)));
        assert.equal(packets(cut(up, sizes).flatMap((c) => server.feed(c))), items.map(hex));
        const down = Buffer.concat(items.map((p) => server.encode(p)));
        assert.equal(packets(cut(down, sizes).flatMap((c) => client.feed(c))), items.map(hex));
        client.dispose();
        server.dispose();
      }),
      { ...SETTINGS, numRuns: 60 },
    );
  });
}

test('property: any bytes fed to any decoder give frames or a TransportError, never another error', () => {
  const decoders = [
    ...CODEC_KINDS.flatMap((k) => [() => createCodec(k, 'client'), () => createCodec(k, 'server')]),
    () => createServerStream({ crypto: crypto() }),
  ];
  fc.assert(
    fc.property(fc.integer({ min: 0, max: decoders.length - 1 }), fc.uint8Array({ maxLength: 600 }), chunking, (which, bytes, sizes) => {
      const decoder = decoders[which]!();
      try {
        for (const c of cut(bytes, sizes)) decoder.feed(c);
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
      }
    }),
    { ...SETTINGS, numRuns: 2000 },
  );
});

test.run();
