/**
 * Standing transport fuzz (issue 10): every decoder — the four codecs on
 * both sides, the server stream (detection, plain and obfuscated2) and the
 * obfuscated client stream — is fed ≥ 100 000 seeded streams cut into random
 * chunks: random bytes, valid traffic with bytes flipped, cut or inserted,
 * and adversarial lengths (0, 1, just over the limit, 2^31, all ones).
 * Only `TransportError` may be thrown, and no decoder ever buffers more
 * than the bytes it was given or its payload bound allows.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TransportError } from '../../ts/errors.js';
import { createClientStream } from '../../ts/transport/client-stream.js';
import { CODEC_KINDS, createCodec, OBFUSCATABLE_CODECS } from '../../ts/transport/codec.js';
import type { Frame } from '../../ts/transport/frame.js';
import { createServerStream } from '../../ts/transport/server-stream.js';
import { crypto, loadCrypto, mtprotoPacket, Prng } from './_support.js';

test.before(async () => {
  await loadCrypto();
});

const SEED = 0x5eed_0010;
/** A small payload bound so "over the limit" lengths are cheap to reach. */
const MAX_PAYLOAD = 4096;

interface Decoder {
  feed(chunk: Uint8Array): Frame[];
  readonly buffered?: number;
}

/** Valid traffic towards `side`, as bytes. */
function validStream(prng: Prng, kind: (typeof CODEC_KINDS)[number], side: 'client' | 'server', frames: number): Uint8Array {
  const peer = createCodec(kind, side === 'server' ? 'client' : 'server', { random: prng.source() });
  const parts: Uint8Array[] = side === 'server' ? [peer.header] : [];
  for (let i = 0; i < frames; i++) parts.push(peer.encode(mtprotoPacket(prng, 24 + prng.int(200), prng.int(2) === 0)));
  return Buffer.concat(parts);
}

/** An adversarial 4-byte length word. */
function evilLength(prng: Prng): Uint8Array {
  const choices = [0, 1, 3, 12, MAX_PAYLOAD + 1, MAX_PAYLOAD + 13, 0x7fffffff, 0x80000000, 0xfffffe6c, 0xffffffff, 0x00ffffff];
  const v = choices[prng.int(choices.length)]!;
  return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
}

/** A stream of one of the three shapes. */
function hostile(prng: Prng, base: Uint8Array): Uint8Array {
  switch (prng.int(4)) {
    case 0:
      return prng.bytes(prng.int(300));
    case 1: {
      const out = base.slice();
      for (let i = 0, n = 1 + prng.int(4); i < n && out.length > 0; i++) out[prng.int(out.length)] ^= 1 << prng.int(8);
      return out;
    }
    case 2: {
      // A valid prefix, then an adversarial length where a header would be, then junk.
      const cut = prng.int(base.length + 1);
      return Buffer.concat([base.subarray(0, cut), evilLength(prng), prng.bytes(prng.int(64))]);
    }
    default:
      return base.subarray(0, prng.int(base.length + 1));
  }
}

/** Feeds `data` in random chunks; returns the number of frames, or the TransportError that stopped it. */
function run(decoder: Decoder, data: Uint8Array, prng: Prng): void {
  let fed = 0;
  try {
    for (let i = 0; i < data.length; ) {
      const n = Math.min(data.length - i, 1 + prng.int(prng.int(4) === 0 ? 400 : 24));
      decoder.feed(data.subarray(i, i + n));
      i += n;
      fed += n;
      if (decoder.buffered !== undefined && (decoder.buffered > fed || decoder.buffered > MAX_PAYLOAD + 80)) {
        assert.unreachable(`decoder buffers ${decoder.buffered} bytes after ${fed} fed`);
      }
    }
  } catch (e) {
    if (!(e instanceof TransportError)) throw e;
  }
}

test('fuzz: ≥ 100 000 hostile streams in random chunks raise only TransportError, with bounded buffering', () => {
  const prng = new Prng(SEED);
  const heapBefore = process.memoryUsage().heapUsed;
  let streams = 0;
  const count: Record<string, number> = {};
  const tally = (name: string) => {
    count[name] = (count[name] ?? 0) + 1;
    streams++;
  };
  for (let round = 0; round < 5000; round++) {
    for (const kind of CODEC_KINDS) {
      for (const side of ['client', 'server'] as const) {
        const base = validStream(prng, kind, side, 1 + prng.int(3));
        for (let k = 0; k < 2; k++) {
          run(createCodec(kind, side, { maxPayload: MAX_PAYLOAD, random: prng.source() }), hostile(prng, base), prng);
          tally(`${kind}/${side}`);
        }
      }
      // The server end: detection first, then the codec (plain).
      const plain = validStream(prng, kind, 'server', 1 + prng.int(2));
      const server = createServerStream({ crypto: crypto(), maxPayload: MAX_PAYLOAD, random: prng.source() });
      run(server, hostile(prng, plain), prng);
      server.dispose();
      tally('server-stream/plain');
    }
    if (round % 4 === 0) {
      // obfuscated2 both ways: valid init + frames, then tampered.
      const kind = OBFUSCATABLE_CODECS[prng.int(OBFUSCATABLE_CODECS.length)]!;
      const client = createClientStream({ codec: kind, obfuscation: { crypto: crypto(), dcId: 2 }, random: prng.source() });
      const up = Buffer.concat([client.encode(mtprotoPacket(prng, 64)), client.encode(mtprotoPacket(prng, 40, true))]);
      const server = createServerStream({ crypto: crypto(), maxPayload: MAX_PAYLOAD, random: prng.source() });
      run(server, hostile(prng, up), prng);
      tally('server-stream/obfuscated');
      run(client, prng.bytes(prng.int(400)), prng);
      tally('client-stream/obfuscated');
      client.dispose();
      server.dispose();
    }
  }
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  console.log(`  transport fuzz: ${streams} streams (seed 0x${SEED.toString(16)}), heap growth ${(heapGrowth / 2 ** 20).toFixed(1)} MiB`);
  assert.ok(streams >= 100_000, `${streams} streams`);
  assert.ok(Object.keys(count).length === CODEC_KINDS.length * 2 + 3);
  // Garbage is collectable; nothing the decoders made may pile up (a generous bound, not a timing).
  assert.ok(heapGrowth < 256 * 2 ** 20, `heap grew ${heapGrowth} bytes`);
});

test.run();
