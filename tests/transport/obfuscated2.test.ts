/**
 * obfuscated2, https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
 * — fixed vectors (computed outside this code base with an independent AES
 * implementation, and re-derived here from node:crypto), the forbidden-prefix
 * rules, the MTProxy secret, and the server's side of the handshake.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { acceptObfuscatedInit, createObfuscatedInit, isForbiddenInit, obfuscatedDcId } from '../../ts/transport/obfuscated2.js';
import { OBFUSCATABLE_CODECS, PROTOCOL_TAGS } from '../../ts/transport/codec.js';
import { TransportError } from '../../ts/errors.js';
import { concat, counting, crypto, hex, loadCrypto, Prng, replay, throwsTransport, unhex } from './_support.js';

test.before(async () => {
  await loadCrypto();
});

/** The fixed "random" init: bytes 0x10..0x4f (allowed: first byte 0x10, second int nonzero). */
const RANDOM = counting(64, 0x10);
const SECRET = counting(16, 0xa0);
const UP = unhex('08000000 0102030405060708'); // an intermediate frame, client → server
const DOWN = unhex('08000000 1112131415161718'); // server → client

// Vectors: init as sent, then the next 12 bytes of each direction's stream.
const PLAIN_VECTOR = {
  init:
    '101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f' +
    '303132333435363738393a3b3c3d3e3f4041424344454647 3c4d987775364b98',
  up: '1d949fe2b9c905c4af71450b',
  down: 'b862e3c45ef4b93a2cdc2225',
};
const SECRET_VECTOR = {
  init:
    '101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f' +
    '303132333435363738393a3b3c3d3e3f4041424344454647 613752117000a6ab',
  up: '0efa5235c88b2e044dc7771c',
  down: '50cbc73f1af2801f0b6874d9',
};

/** Reference: the spec's derivation on node:crypto. Returns the init as sent and the two streams. */
function reference(random: Uint8Array, tag: number, dcId: number, secret?: Uint8Array) {
  const init = random.slice();
  const view = new DataView(init.buffer);
  view.setUint32(56, tag, true);
  view.setInt16(60, dcId, true);
  const reversed = init.slice(8, 56).reverse();
  let encKey = init.slice(8, 40);
  let decKey = reversed.slice(0, 32);
  if (secret) {
    encKey = createHash('sha256').update(encKey).update(secret).digest();
    decKey = createHash('sha256').update(decKey).update(secret).digest();
  }
  const enc = createCipheriv('aes-256-ctr', encKey, init.slice(40, 56));
  const dec = createCipheriv('aes-256-ctr', decKey, reversed.slice(32, 48));
  const encrypted = enc.update(init);
  return { sent: concat(init.subarray(0, 56), encrypted.subarray(56)), enc, dec };
}

test('obfuscated2: fixed vector — init with tag and DC id, then AES-256-CTR both ways', () => {
  const { init, cipher } = createObfuscatedInit({ crypto: crypto(), codec: 'intermediate', dcId: 2, random: replay(RANDOM) });
  assert.is(hex(init), hex(unhex(PLAIN_VECTOR.init)));
  assert.is(hex(cipher.encrypt(UP)), PLAIN_VECTOR.up);
  assert.is(hex(cipher.decrypt(unhex(PLAIN_VECTOR.down))), hex(DOWN));
  cipher.dispose();
});

test('obfuscated2: fixed vector with an MTProxy secret — key = SHA256(key ‖ secret); test media DC id', () => {
  const dcId = obfuscatedDcId(2, { test: true, media: true });
  assert.is(dcId, -10002);
  const { init, cipher } = createObfuscatedInit({
    crypto: crypto(),
    codec: 'padded-intermediate',
    dcId,
    secret: SECRET,
    random: replay(RANDOM),
  });
  assert.is(hex(init), hex(unhex(SECRET_VECTOR.init)));
  assert.is(hex(cipher.encrypt(UP)), SECRET_VECTOR.up);
  assert.is(hex(cipher.decrypt(unhex(SECRET_VECTOR.down))), hex(DOWN));
  cipher.dispose();
});

test('obfuscated2: the server reads the fixed init back — tag, DC id, mirrored streams', () => {
  const plain = acceptObfuscatedInit(unhex(PLAIN_VECTOR.init), { crypto: crypto() });
  assert.is(plain.codec, 'intermediate');
  assert.is(plain.dcId, 2);
  assert.is(hex(plain.cipher.decrypt(unhex(PLAIN_VECTOR.up))), hex(UP));
  assert.is(hex(plain.cipher.encrypt(DOWN)), PLAIN_VECTOR.down);

  const withSecret = acceptObfuscatedInit(unhex(SECRET_VECTOR.init), { crypto: crypto(), secret: SECRET });
  assert.is(withSecret.codec, 'padded-intermediate');
  assert.is(withSecret.dcId, -10002);
  assert.is(hex(withSecret.cipher.decrypt(unhex(SECRET_VECTOR.up))), hex(UP));
  assert.is(hex(withSecret.cipher.encrypt(DOWN)), SECRET_VECTOR.down);
  plain.cipher.dispose();
  withSecret.cipher.dispose();
});

test('obfuscated2: matches the node:crypto derivation for random inits, every codec tag, with and without secret', () => {
  const prng = new Prng(2024);
  for (const codec of OBFUSCATABLE_CODECS) {
    for (const secret of [undefined, prng.bytes(16)]) {
      let random: Uint8Array;
      do random = prng.bytes(64);
      while (isForbiddenInit(random));
      const dcId = prng.int(0x10000) - 0x8000;
      const ref = reference(random, PROTOCOL_TAGS[codec]!, dcId, secret);
      const { init, cipher } = createObfuscatedInit({
        crypto: crypto(),
        codec,
        dcId,
        random: replay(random),
        ...(secret && { secret }),
      });
      assert.is(hex(init), hex(ref.sent), codec);
      // The streams continue across calls of any size.
      const data = prng.bytes(3000);
      const out = concat(cipher.encrypt(data.subarray(0, 1)), cipher.encrypt(data.subarray(1, 777)), cipher.encrypt(data.subarray(777)));
      assert.is(hex(out), hex(ref.enc.update(data)));
      const back = ref.dec.update(data);
      assert.is(hex(concat(cipher.decrypt(back.subarray(0, 100)), cipher.decrypt(back.subarray(100)))), hex(data));
      const server = acceptObfuscatedInit(init, { crypto: crypto(), ...(secret && { secret }) });
      assert.equal([server.codec, server.dcId], [codec, dcId]);
      cipher.dispose();
      server.cipher.dispose();
    }
  }
});

const FORBIDDEN: Record<string, Uint8Array> = {
  'first byte 0xef': unhex('ef000000'),
  "'HEAD'": new TextEncoder().encode('HEAD'),
  "'POST'": new TextEncoder().encode('POST'),
  "'GET '": new TextEncoder().encode('GET '),
  "'OPTI'": new TextEncoder().encode('OPTI'),
  '0xdddddddd (padded intermediate)': unhex('dddddddd'),
  '0xeeeeeeee (intermediate)': unhex('eeeeeeee'),
  '0x16030102 (TLS)': unhex('16030102'),
};

for (const [name, prefix] of Object.entries(FORBIDDEN)) {
  test(`obfuscated2: an init starting with ${name} is regenerated`, () => {
    const bad = RANDOM.slice();
    bad.set(prefix);
    assert.ok(isForbiddenInit(bad));
    const random = replay(bad, RANDOM);
    const { init, cipher } = createObfuscatedInit({ crypto: crypto(), codec: 'intermediate', dcId: 2, random });
    assert.is(random.remaining(), 0, 'a second draw was made');
    assert.is(hex(init), hex(unhex(PLAIN_VECTOR.init)));
    cipher.dispose();
  });
}

test('obfuscated2: an init whose second int is 0 is regenerated (it would look like a full frame)', () => {
  const bad = RANDOM.slice();
  bad.fill(0, 4, 8);
  assert.ok(isForbiddenInit(bad));
  const random = replay(bad, bad, RANDOM);
  const { init, cipher } = createObfuscatedInit({ crypto: crypto(), codec: 'intermediate', dcId: 2, random });
  assert.is(random.remaining(), 0);
  assert.is(hex(init), hex(unhex(PLAIN_VECTOR.init)));
  cipher.dispose();
});

test('obfuscated2: allowed look-alikes are kept (0xef later in the first int, partial HTTP words)', () => {
  for (const prefix of ['00ef0000', '48454143' /* 'HEAC' */, 'eeeeeeef', '16030103']) {
    const ok = RANDOM.slice();
    ok.set(unhex(prefix));
    assert.not.ok(isForbiddenInit(ok), prefix);
  }
});

test('obfuscated2: a random source that only yields forbidden inits is a TransportError, not a hang', () => {
  const always = (out: Uint8Array) => out.fill(0xef);
  throwsTransport(() => createObfuscatedInit({ crypto: crypto(), codec: 'abridged', dcId: 1, random: always }), /forbidden/);
});

test('obfuscated2: the DC id must be an int16 and a secret 16 bytes', () => {
  const base = { crypto: crypto(), codec: 'abridged' as const };
  throwsTransport(() => createObfuscatedInit({ ...base, dcId: 40000 }), /int16/);
  throwsTransport(() => createObfuscatedInit({ ...base, dcId: 1.5 }), /int16/);
  throwsTransport(() => createObfuscatedInit({ ...base, dcId: 1, secret: new Uint8Array(17) }), /16 bytes/);
  throwsTransport(() => acceptObfuscatedInit(RANDOM, { crypto: crypto(), secret: new Uint8Array(15) }), /16 bytes/);
});

test('obfuscated2: the server refuses an init of the wrong size, or with an unknown tag (e.g. a wrong secret)', () => {
  throwsTransport(() => acceptObfuscatedInit(RANDOM.subarray(0, 63), { crypto: crypto() }), /64 bytes/);
  throwsTransport(() => acceptObfuscatedInit(unhex(SECRET_VECTOR.init), { crypto: crypto() }), /unknown protocol tag/);
  throwsTransport(() => acceptObfuscatedInit(unhex(PLAIN_VECTOR.init), { crypto: crypto(), secret: SECRET }), /unknown protocol tag/);
});

test('obfuscated2: obfuscatedDcId adds 10000 for test DCs and negates for media', () => {
  assert.is(obfuscatedDcId(4), 4);
  assert.is(obfuscatedDcId(4, { media: true }), -4);
  assert.is(obfuscatedDcId(2, { test: true }), 10002);
});

test('obfuscated2: the full transport has no protocol tag, so obfuscating it is a TransportError (spec: abridged, intermediate, padded only)', () => {
  assert.is(PROTOCOL_TAGS.full, undefined);
  try {
    createObfuscatedInit({ crypto: crypto(), codec: 'full', dcId: 2 });
    assert.unreachable('must throw');
  } catch (e) {
    assert.instance(e, TransportError);
  }
});

test.run();
