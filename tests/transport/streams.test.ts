/**
 * Whole connections, sans-IO: a client stream talking to a server stream
 * for every codec, plain and obfuscated (with and without an MTProxy
 * secret), under every chunking; transport detection from the first bytes;
 * quick ACKs and transport errors end to end.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClientStream } from '../../ts/transport/client-stream.js';
import { CODEC_KINDS, OBFUSCATABLE_CODECS } from '../../ts/transport/codec.js';
import { detectTransport } from '../../ts/transport/detect.js';
import { createServerStream } from '../../ts/transport/server-stream.js';
import {
  CHUNKINGS,
  concat,
  counting,
  crypto,
  feedAll,
  hex,
  loadCrypto,
  mtprotoPacket,
  payloads,
  Prng,
  throwsTransport,
  unhex,
} from './_support.js';

test.before(async () => {
  await loadCrypto();
});

const MODES = ['plain', 'obfuscated', 'obfuscated + secret'] as const;
const SECRET = counting(16, 0x40);

for (const codec of CODEC_KINDS) {
  for (const mode of codec === 'full' ? (['plain'] as const) : MODES) {
    for (const [chunking, cut] of Object.entries(CHUNKINGS)) {
      test(`round trip: ${codec}, ${mode}, ${chunking}`, () => {
        const prng = new Prng(codec.length * 100 + mode.length * 10 + chunking.length);
        const secret = mode === 'obfuscated + secret' ? SECRET : undefined;
        const client = createClientStream({
          codec,
          random: prng.source(),
          ...(mode !== 'plain' && { obfuscation: { crypto: crypto(), dcId: -4, ...(secret && { secret }) } }),
        });
        const server = createServerStream({ crypto: crypto(), random: prng.source(), ...(secret && { secret }) });
        const sizes = [40, 41, 520, 24 + 16 * 100, 57];
        const up = sizes.map((s, i) => mtprotoPacket(prng, s, i % 2 === 1));
        const down = sizes.map((s, i) => mtprotoPacket(prng, s + 16, i % 2 === 0));

        const wireUp = concat(...up.map((p) => client.encode(p)));
        assert.equal(payloads(feedAll(server.feed, cut(wireUp, prng))).map(hex), up.map(hex));
        assert.equal(server.info, { codec, obfuscated: mode !== 'plain', dcId: mode === 'plain' ? undefined : -4 });

        const wireDown = concat(...down.map((p) => server.encode(p)));
        assert.equal(payloads(feedAll(client.feed, cut(wireDown, prng))).map(hex), down.map(hex));
        client.dispose();
        server.dispose();
      });
    }
  }
}

test('streams: the first client bytes are the codec prefix, or the 64-byte init when obfuscated', () => {
  const packet = mtprotoPacket(new Prng(1), 40);
  const expected = { abridged: 'ef', intermediate: 'eeeeeeee', 'padded-intermediate': 'dddddddd', full: '' };
  for (const codec of CODEC_KINDS) {
    const first = createClientStream({ codec, random: () => {} }).encode(packet);
    assert.is(hex(first.subarray(0, expected[codec].length / 2)), expected[codec], codec);
    if (codec === 'full') {
      // The spec defines obfuscation only for abridged, intermediate and padded intermediate.
      assert.throws(
        () => createClientStream({ codec, obfuscation: { crypto: crypto(), dcId: 2 } }).encode(packet),
        /no protocol tag for the full transport/,
      );
      continue;
    }
    const obfuscated = createClientStream({ codec, obfuscation: { crypto: crypto(), dcId: 2 } });
    const bytes = obfuscated.encode(packet);
    assert.ok(bytes.length > 64 && bytes.length < 64 + packet.length + 20, codec);
    assert.ok(obfuscated.encode(packet).length < packet.length + 20, 'only the first write carries it');
  }
});

test('detect: 0xef is abridged, 0xeeeeeeee intermediate, 0xdddddddd padded intermediate', () => {
  assert.equal(detectTransport(unhex('ef')), { status: 'plain', codec: 'abridged', headerLength: 1 });
  assert.equal(detectTransport(unhex('eeeeeeee')), { status: 'plain', codec: 'intermediate', headerLength: 4 });
  assert.equal(detectTransport(unhex('dddddddd')), { status: 'plain', codec: 'padded-intermediate', headerLength: 4 });
});

test('detect: a zero second int is a full frame (seqno 0); any other 8 bytes start an obfuscated2 init', () => {
  assert.equal(detectTransport(unhex('14000000 00000000')), { status: 'plain', codec: 'full', headerLength: 0 });
  assert.equal(detectTransport(unhex('14000000 01000000')), { status: 'obfuscated', initLength: 64 });
});

test('detect: waits for enough bytes to decide', () => {
  for (const head of ['', 'ee', 'eeeeee', '14000000', '14000000 000000']) {
    assert.equal(detectTransport(unhex(head)), { status: 'need-more' }, head);
  }
});

test('detect: HTTP and TLS are refused with TransportError', () => {
  for (const verb of ['POST', 'GET ', 'HEAD', 'OPTI']) {
    throwsTransport(() => detectTransport(new TextEncoder().encode(`${verb}/api HTTP/1.1`)), /HTTP/);
  }
  throwsTransport(() => detectTransport(unhex('16030102 00000000')), /TLS/);
});

test('server stream: detection works when the init arrives one byte at a time', () => {
  const client = createClientStream({ codec: 'abridged', obfuscation: { crypto: crypto(), dcId: 3 } });
  const server = createServerStream({ crypto: crypto() });
  const packet = mtprotoPacket(new Prng(5), 40);
  const wire = client.encode(packet);
  for (let i = 0; i < 63; i++) assert.equal(server.feed(wire.subarray(i, i + 1)), []);
  assert.is(server.info, undefined);
  assert.equal(payloads(server.feed(wire.subarray(63))).map(hex), [hex(packet)]);
  assert.equal(server.info, { codec: 'abridged', obfuscated: true, dcId: 3 });
});

test('server stream: quick ACKs and transport errors reach the client through every codec and obfuscation', () => {
  for (const codec of CODEC_KINDS) {
    for (const obfuscated of OBFUSCATABLE_CODECS.includes(codec) ? [false, true] : [false]) {
      const client = createClientStream({ codec, ...(obfuscated && { obfuscation: { crypto: crypto(), dcId: 2 } }) });
      const server = createServerStream({ crypto: crypto() });
      const [frame] = server.feed(client.encode(mtprotoPacket(new Prng(3), 40), { quickAck: true }));
      assert.is(frame!.type === 'packet' && frame!.quickAck, codec !== 'full', `${codec} quick ACK flag`);
      if (codec !== 'full') {
        assert.equal(client.feed(server.encodeQuickAck(0x1234abcd)), [{ type: 'quick-ack', token: 0x9234abcd }]);
      }
      const [error] = client.feed(server.encodeError(-429));
      assert.ok(error!.type === 'error' && error!.error.code === -429, `${codec} error code`);
    }
  }
});

test('server stream: refuses to encode before detection, and bad codes', () => {
  const server = createServerStream({ crypto: crypto() });
  throwsTransport(() => server.encode(counting(8)), /not known yet/);
  server.feed(unhex('eeeeeeee'));
  throwsTransport(() => server.encodeError(404), /negative int32/);
});

test('server stream: obfuscated connections need a crypto provider; obfuscatedOnly refuses plain ones', () => {
  const init = createClientStream({ codec: 'intermediate', obfuscation: { crypto: crypto(), dcId: 2 } }).encode(counting(8));
  throwsTransport(() => createServerStream().feed(init), /no crypto provider/);
  throwsTransport(() => createServerStream({ crypto: crypto(), obfuscatedOnly: true }).feed(unhex('ef')), /obfuscated2 connections only/);
});

test('server stream: a client with the wrong MTProxy secret is refused', () => {
  const init = createClientStream({ codec: 'intermediate', obfuscation: { crypto: crypto(), dcId: 2, secret: SECRET } }).encode(
    counting(8),
  );
  const server = createServerStream({ crypto: crypto(), secret: counting(16) });
  throwsTransport(() => server.feed(init), /unknown protocol tag/);
  throwsTransport(() => server.feed(counting(4)), /unknown protocol tag/, undefined);
});

test('streams: a disposed stream refuses to send (it would otherwise leak plaintext)', () => {
  const client = createClientStream({ codec: 'intermediate', obfuscation: { crypto: crypto(), dcId: 2 } });
  client.dispose();
  throwsTransport(() => client.encode(counting(8)), /disposed/);
  const server = createServerStream({ crypto: crypto() });
  server.dispose();
  throwsTransport(() => server.feed(unhex('ef')), /disposed/);
});

test.run();
