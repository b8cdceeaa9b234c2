/**
 * MTProxy fake-TLS, sans-IO: the ClientHello's layout and HMAC (checked with
 * node:crypto's HMAC, an independent implementation), the proxy-side checks
 * (HMAC, clock, replay, SNI), the ServerHello HMAC the client verifies, and
 * the TLS record layer (ChangeCipherSpec first, ≤ 16 KiB records, bounds).
 */
import { createHmac } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TransportError } from '../../ts/errors.js';
import { buildServerHello, checkClientHello, ReplayCache } from '../../ts/testing/mtproxy/index.js';
import {
  buildFakeTlsClientHello,
  CLIENT_HELLO_LENGTH,
  createFakeTlsHandshake,
  createMtproxySecret,
  createTlsRecordLayer,
  hmacSha256,
  ProxyError,
} from '../../ts/transport/proxy/index.js';
import { concat, counting, hex, loadCrypto, Prng } from './_support.js';

const key = counting(16, 0xa0);
/** The WASM provider's SHA-256 under test; node:crypto's HMAC is the independent check. */
let crypto: CryptoProvider;
test.before(async () => {
  crypto = await loadCrypto();
});
const seeded = (seed: number) => {
  const prng = new Prng(seed);
  return (out: Uint8Array) => {
    for (let i = 0; i < out.length; i++) out[i] = prng.next() & 0xff;
  };
};

test('hmacSha256 matches RFC 4231 test case 2 and node:crypto', () => {
  const mac = hmacSha256(crypto, new TextEncoder().encode('Jefe'), [
    new TextEncoder().encode('what do ya want '),
    new TextEncoder().encode('for nothing?'),
  ]);
  assert.is(hex(mac), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
});

test('ClientHello: 517 bytes, TLS record/handshake headers, SNI, random = HMAC(key, hello with random zeroed) ^ time (node:crypto HMAC)', () => {
  const unixTime = 1_700_000_000;
  const { hello, clientRandom } = buildFakeTlsClientHello({ key, domain: 'cdn.example.org', crypto, random: seeded(1), unixTime });
  assert.is(hello.length, CLIENT_HELLO_LENGTH);
  assert.is(hex(hello.subarray(0, 11)), '160301020001' + '0001fc0303');
  assert.ok(hex(hello).includes(hex(new TextEncoder().encode('cdn.example.org'))));
  const zeroed = hello.slice();
  zeroed.fill(0, 11, 43);
  const expected = new Uint8Array(createHmac('sha256', key).update(zeroed).digest());
  const t = new Uint8Array(4);
  new DataView(t.buffer).setInt32(0, unixTime, true);
  for (let i = 0; i < 4; i++) expected[28 + i]! ^= t[i]!;
  assert.is(hex(hello.subarray(11, 43)), hex(expected));
  assert.is(hex(clientRandom), hex(expected));
  // deterministic under an injected random source
  assert.is(hex(buildFakeTlsClientHello({ key, domain: 'cdn.example.org', crypto, random: seeded(1), unixTime }).hello), hex(hello));
});

test('proxy side: accepts the hello; refuses a wrong key (hmac), a far clock (clock), a replay (replay), another SNI (sni)', () => {
  const unixTime = 1_700_000_000;
  const { hello } = buildFakeTlsClientHello({ key, domain: 'cdn.example.org', crypto, random: seeded(2), unixTime });
  const base = { crypto, nowS: unixTime + 5, maxSkewS: 120, domain: 'cdn.example.org' };
  const ok = checkClientHello(hello, { ...base, key, replays: new ReplayCache() });
  assert.type(ok, 'object');
  assert.is((ok as { sni: string }).sni, 'cdn.example.org');
  assert.is((ok as { unixTime: number }).unixTime, unixTime);
  assert.is(checkClientHello(hello, { ...base, key: counting(16), replays: new ReplayCache() }), 'hmac');
  assert.is(checkClientHello(hello, { ...base, key, nowS: unixTime + 600, replays: new ReplayCache() }), 'clock');
  const replays = new ReplayCache();
  checkClientHello(hello, { ...base, key, replays });
  assert.is(checkClientHello(hello, { ...base, key, replays }), 'replay');
  assert.is(checkClientHello(hello, { ...base, key, domain: 'other.example', replays: new ReplayCache() }), 'sni');
});

test('client handshake: verifies the ServerHello HMAC (fed byte by byte), keeps trailing bytes, then frames records', () => {
  const secret = createMtproxySecret('ee', key, 'cdn.example.org');
  const hs = createFakeTlsHandshake({ secret, crypto, random: seeded(3), now: () => 1_700_000_000_000 });
  const hello = hs.start();
  const accepted = checkClientHello(hello, {
    key,
    crypto,
    nowS: 1_700_000_000,
    maxSkewS: 60,
    replays: new ReplayCache(),
    domain: 'cdn.example.org',
  });
  if (typeof accepted === 'string') throw new Error(accepted);
  const answer = buildServerHello({ key, crypto, random: seeded(4), hello: accepted, certificateLength: 300 });
  assert.is(hex(answer.subarray(0, 3)), '160303');
  const wire = concat(answer, Uint8Array.of(0x17, 0x03, 0x03, 0x00, 0x02, 0xbe, 0xef));
  let step;
  for (let i = 0; i < answer.length; i++) {
    step = hs.feed(wire.subarray(i, i + 1));
    if (i < answer.length - 1) assert.not.ok(step.done);
  }
  assert.ok(step!.done);
  const layer = step!.layer!;
  assert.is(hex(layer.decode(wire.subarray(answer.length))), 'beef');
  assert.is(hex(layer.encode(Uint8Array.of(1, 2))), '140303000101' + '1703030002' + '0102');
  assert.is(hex(layer.encode(Uint8Array.of(3))), '170303000103');
});

test('client handshake: a ServerHello not bound to our hello (tampered, or another key) → ProxyError auth-failed; wrong shape → malformed', () => {
  const secret = createMtproxySecret('ee', key, 'cdn.example.org');
  const make = () => {
    const hs = createFakeTlsHandshake({ secret, crypto, random: seeded(5), now: () => 1_700_000_000_000 });
    const hello = hs.start();
    const accepted = checkClientHello(hello, { key, crypto, nowS: 1_700_000_000, maxSkewS: 60, replays: new ReplayCache() });
    if (typeof accepted === 'string') throw new Error(accepted);
    return { hs, accepted };
  };
  const a = make();
  const answer = buildServerHello({ key, crypto, random: seeded(6), hello: a.accepted, certificateLength: 100 });
  answer[answer.length - 1]! ^= 1;
  try {
    a.hs.feed(answer);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ProxyError);
    assert.is((e as ProxyError).reason, 'auth-failed');
  }
  const b = make();
  const other = buildServerHello({ key: counting(16), crypto, random: seeded(6), hello: b.accepted, certificateLength: 100 });
  assert.throws(
    () => b.hs.feed(other),
    (e: unknown) => e instanceof ProxyError && e.reason === 'auth-failed',
  );
  const c = make();
  assert.throws(
    () => c.hs.feed(new TextEncoder().encode('HTTP/1.1 400 Bad Request\r\n\r\n')),
    (e: unknown) => e instanceof ProxyError && e.reason === 'malformed',
  );
  const d = make();
  // A record longer than TLS allows is refused before it is buffered.
  assert.throws(
    () => d.hs.feed(Uint8Array.of(0x16, 0x03, 0x03, 0xff, 0xff)),
    (e: unknown) => e instanceof ProxyError && e.reason === 'malformed',
  );
});

test('record layer: ≤ 16 KiB records, server side requires ChangeCipherSpec first, any chunking round-trips', () => {
  const client = createTlsRecordLayer({ side: 'client' });
  const server = createTlsRecordLayer({ side: 'server' });
  const data = counting(40_000);
  const wire = client.encode(data);
  assert.is(wire.length, 6 + 3 * 5 + 40_000);
  assert.is(hex(wire.subarray(6, 11)), '1703034000');
  const rng = new Prng(9);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < wire.length; ) {
    const n = 1 + (rng.next() % 3000);
    parts.push(server.decode(wire.subarray(i, i + n)).slice());
    i += n;
  }
  assert.is(hex(concat(...parts)), hex(data));
  assert.throws(
    () => createTlsRecordLayer({ side: 'server' }).decode(Uint8Array.of(0x17, 0x03, 0x03, 0, 1, 0)),
    (e: unknown) => e instanceof TransportError,
  );
  assert.throws(
    () => createTlsRecordLayer({ side: 'client' }).decode(Uint8Array.of(0x15, 0x03, 0x03, 0, 2, 2, 40)),
    (e: unknown) => e instanceof TransportError,
  );
  assert.throws(
    () => createTlsRecordLayer({ side: 'client' }).decode(Uint8Array.of(0x17, 0x03, 0x03, 0x41, 0x01)),
    (e: unknown) => e instanceof TransportError,
  );
  assert.throws(
    () => createTlsRecordLayer({ side: 'client', maxRecord: 20_000 }),
    (e: unknown) => e instanceof TransportError,
  );
});

test.run();
