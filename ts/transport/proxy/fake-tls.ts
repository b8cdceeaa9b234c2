/**
 * MTProxy's fake-TLS handshake (`ee` secrets), client side, sans-IO.
 *
 * The client sends a ClientHello that looks like a TLS 1.3 browser's (SNI =
 * the secret's domain, GREASE, key_share, padding to 517 bytes) whose
 * 32-byte `random` is HMAC-SHA256(key, hello with `random` zeroed), the last
 * 4 bytes XORed with the unix time (little-endian), so only a proxy that
 * knows the key can recognise it. The proxy answers with a ServerHello
 * record, a ChangeCipherSpec and one application-data record; its `random`
 * is HMAC-SHA256(key, client random ‖ that whole answer with `random`
 * zeroed), which the client checks before trusting the tunnel. After that
 * the obfuscated2 stream travels in application-data records (tls-records.ts).
 * https://core.telegram.org/mtproxy · TLS layout: https://www.rfc-editor.org/rfc/rfc8446#section-4.1.2
 */
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { fillRandom } from '../../platform/random.js';
import { type HandshakeStep, joinBytes, NO_BYTES, type ProxyHandshake } from './handshake.js';
import { bytesEqual, hmacSha256 } from './hmac-sha256.js';
import type { MtproxySecret } from './mtproxy-secret.js';
import { ProxyError } from './proxy-error.js';
import { createTlsRecordLayer, MAX_TLS_RECORD_IN } from './tls-records.js';

/** Size browsers pad a ClientHello to (and MTProxy expects: a 512-byte handshake in one record). */
export const CLIENT_HELLO_LENGTH = 517;
/** Offset and length of the `random` field in a hello record. */
export const HELLO_RANDOM_OFFSET = 11;
export const HELLO_RANDOM_LENGTH = 32;

const utf8 = new TextEncoder();

/** Options of `buildFakeTlsClientHello`. */
export interface ClientHelloOptions {
  /** The 16-byte MTProxy key. */
  key: Uint8Array;
  /** The SNI host name. */
  domain: string;
  crypto: Pick<CryptoProvider, 'sha256'>;
  /** Source of the session id, GREASE values and key share. */
  random: RandomSource;
  /** Seconds since the epoch (the proxy rejects hellos too far from its clock). */
  unixTime: number;
}

/** A built ClientHello and its digest (the `random` the server's answer is bound to). */
export interface ClientHello {
  hello: Uint8Array;
  /** The 32 bytes at `HELLO_RANDOM_OFFSET` (HMAC with the time mixed in). */
  clientRandom: Uint8Array;
}

/** Grows a byte array with big-endian length-prefixed scopes, as TLS structures nest. */
class HelloWriter {
  private bytes: number[] = [];
  private scopes: { at: number; width: number }[] = [];
  get length(): number {
    return this.bytes.length;
  }
  push(...b: readonly number[] | number[]): this {
    for (const x of b) this.bytes.push(x & 0xff);
    return this;
  }
  raw(b: Uint8Array): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  open(width: 2 | 3): this {
    this.scopes.push({ at: this.bytes.length, width });
    for (let i = 0; i < width; i++) this.bytes.push(0);
    return this;
  }
  close(): this {
    const s = this.scopes.pop()!;
    const n = this.bytes.length - s.at - s.width;
    for (let i = 0; i < s.width; i++) this.bytes[s.at + i] = (n >> (8 * (s.width - 1 - i))) & 0xff;
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** GREASE values (RFC 8701: 0x?A?A), each distinct from the one before it. */
function greaseValues(random: RandomSource, n: number): number[] {
  const r = new Uint8Array(n);
  random(r);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let g = (r[i]! & 0xf0) | 0x0a;
    if (i > 0 && g === out[i - 1]) g ^= 0x10;
    out.push(g);
  }
  return out;
}

/**
 * Builds the ClientHello for an `ee` secret (see the module comment).
 * Throws `ProxyError` when the domain does not fit.
 */
export function buildFakeTlsClientHello(options: ClientHelloOptions): ClientHello {
  const { key, random } = options;
  const domain = utf8.encode(options.domain);
  if (domain.length < 1 || domain.length > 255) throw new ProxyError('mtproxy', 'malformed', 'the SNI domain must be 1..255 bytes');
  const [g0, g1, g2, g3, g4] = greaseValues(random, 5) as [number, number, number, number, number];
  const sessionId = new Uint8Array(32);
  random(sessionId);
  const keyShare = new Uint8Array(32);
  random(keyShare);
  keyShare[31]! &= 0x7f; // an X25519 public key is < 2^255

  const w = new HelloWriter();
  w.push(0x16, 0x03, 0x01).open(2); // record: handshake, legacy version TLS 1.0
  w.push(0x01).open(3); // ClientHello
  w.push(0x03, 0x03); // legacy_version TLS 1.2
  w.raw(new Uint8Array(HELLO_RANDOM_LENGTH)); // random: the digest goes here
  w.push(32).raw(sessionId); // legacy_session_id (middlebox compatibility mode)
  w.open(2).push(g0, g0);
  // TLS 1.3 suites, then the ECDHE/RSA ones a browser also lists.
  w.push(0x13, 0x01, 0x13, 0x02, 0x13, 0x03, 0xc0, 0x2b, 0xc0, 0x2f, 0xc0, 0x2c, 0xc0, 0x30, 0xcc, 0xa9, 0xcc, 0xa8);
  w.push(0xc0, 0x13, 0xc0, 0x14, 0x00, 0x9c, 0x00, 0x9d, 0x00, 0x2f, 0x00, 0x35).close();
  w.push(0x01, 0x00); // compression: null only
  w.open(2); // extensions
  w.push(g1, g1, 0x00, 0x00);
  w.push(0x00, 0x00).open(2).open(2).push(0x00).open(2).raw(domain).close().close().close(); // server_name
  w.push(0x00, 0x17, 0x00, 0x00); // extended_master_secret
  w.push(0xff, 0x01, 0x00, 0x01, 0x00); // renegotiation_info
  w.push(0x00, 0x0a).open(2).open(2).push(g2, g2, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18).close().close(); // supported_groups
  w.push(0x00, 0x0b, 0x00, 0x02, 0x01, 0x00); // ec_point_formats
  w.push(0x00, 0x23, 0x00, 0x00); // session_ticket
  w.push(0x00, 0x10).open(2).open(2).push(0x02, 0x68, 0x32, 0x08).raw(utf8.encode('http/1.1')).close().close(); // ALPN h2, http/1.1
  w.push(0x00, 0x05, 0x00, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00); // status_request
  w.push(0x00, 0x0d).open(2).open(2); // signature_algorithms
  w.push(0x04, 0x03, 0x08, 0x04, 0x04, 0x01, 0x05, 0x03, 0x08, 0x05, 0x05, 0x01, 0x08, 0x06, 0x06, 0x01).close().close();
  w.push(0x00, 0x12, 0x00, 0x00); // signed_certificate_timestamp
  w.push(0x00, 0x33).open(2).open(2).push(g2, g2, 0x00, 0x01, 0x00, 0x00, 0x1d).open(2).raw(keyShare).close().close().close(); // key_share
  w.push(0x00, 0x2d, 0x00, 0x02, 0x01, 0x01); // psk_key_exchange_modes
  w.push(0x00, 0x2b).open(2).push(0x06, g3, g3, 0x03, 0x04, 0x03, 0x03).close(); // supported_versions: 1.3, 1.2
  w.push(0x00, 0x1b, 0x00, 0x03, 0x02, 0x00, 0x02); // compress_certificate
  w.push(g4, g4, 0x00, 0x01, 0x00);
  const padding = CLIENT_HELLO_LENGTH - w.length - 4;
  if (padding >= 0) w.push(0x00, 0x15).open(2).raw(new Uint8Array(padding)).close(); // padding (RFC 7685)
  w.close().close().close();
  const hello = w.done();

  const digest = hmacSha256(options.crypto, key, [hello]);
  const t = options.unixTime | 0;
  digest[28]! ^= t & 0xff;
  digest[29]! ^= (t >>> 8) & 0xff;
  digest[30]! ^= (t >>> 16) & 0xff;
  digest[31]! ^= (t >>> 24) & 0xff;
  hello.set(digest, HELLO_RANDOM_OFFSET);
  return { hello, clientRandom: digest };
}

/**
 * Reads the server's answer (ServerHello record ‖ ChangeCipherSpec ‖ one
 * application-data record) from the front of `buffer`. Returns its length, or
 * undefined when more bytes are needed. Throws `ProxyError` for a wrong shape
 * or a record longer than TLS allows.
 */
export function serverHelloLength(buffer: Uint8Array): number | undefined {
  const prefixes = [Uint8Array.of(0x16, 0x03, 0x03), Uint8Array.of(0x14, 0x03, 0x03, 0x00, 0x01, 0x01, 0x17, 0x03, 0x03)];
  let at = 0;
  for (const prefix of prefixes) {
    const have = Math.min(prefix.length, buffer.length - at);
    if (!bytesEqual(buffer.subarray(at, at + have), prefix.subarray(0, have))) {
      throw new ProxyError(
        'mtproxy',
        'malformed',
        'the answer to the fake-TLS ClientHello is not ServerHello, ChangeCipherSpec, application data',
      );
    }
    if (buffer.length < at + prefix.length + 2) return undefined;
    at += prefix.length;
    const n = (buffer[at]! << 8) | buffer[at + 1]!;
    if (n > MAX_TLS_RECORD_IN) throw new ProxyError('mtproxy', 'malformed', `fake-TLS record of ${n} bytes`);
    at += 2 + n;
    if (buffer.length < at) return undefined;
  }
  return at;
}

/** HMAC the server's answer must carry in its `random`: HMAC(key, client random ‖ answer with `random` zeroed). */
export function serverHelloDigest(
  crypto: Pick<CryptoProvider, 'sha256'>,
  key: Uint8Array,
  clientRandom: Uint8Array,
  answer: Uint8Array,
): Uint8Array {
  const zeroed = answer.slice();
  zeroed.fill(0, HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + HELLO_RANDOM_LENGTH);
  return hmacSha256(crypto, key, [clientRandom, zeroed]);
}

/** Options of `createFakeTlsHandshake`. */
export interface FakeTlsHandshakeOptions {
  /** An `ee` secret. */
  secret: MtproxySecret;
  crypto: Pick<CryptoProvider, 'sha256'>;
  /** Default `crypto.random` when the provider has one, else `crypto.getRandomValues` (ts/platform/random.ts). */
  random?: RandomSource | undefined;
  /** Clock in ms (default `Date.now`); the hello carries it as unix seconds. */
  now?: (() => number) | undefined;
  /** Largest payload per outgoing record after the handshake (default 16 384). */
  maxRecord?: number | undefined;
}

/**
 * The client's fake-TLS handshake as a `ProxyHandshake`: `start()` is the
 * ClientHello; `feed` collects the answer (at most 2 × (5 + 16 640) + 6
 * bytes), checks its HMAC and finishes with the TLS record layer for the
 * stream. A wrong HMAC is `auth-failed` (what a wrong secret looks like: a
 * real MTProxy passes such a client on to the real site, whose answer cannot
 * carry our HMAC).
 */
export function createFakeTlsHandshake(options: FakeTlsHandshakeOptions): ProxyHandshake {
  const { secret, crypto } = options;
  if (secret.mode !== 'ee' || !secret.domain) throw new ProxyError('mtproxy', 'malformed', 'fake-TLS needs an ee secret with a domain');
  const random: RandomSource = options.random ?? (crypto as Partial<CryptoProvider>).random ?? fillRandom;
  let clientRandom: Uint8Array | undefined;
  let buffer: Uint8Array = NO_BYTES;
  let done = false;
  return {
    start() {
      const built = buildFakeTlsClientHello({
        key: secret.key,
        domain: secret.domain!,
        crypto,
        random,
        unixTime: Math.floor((options.now ?? Date.now)() / 1000),
      });
      clientRandom = built.clientRandom;
      return built.hello;
    },
    feed(chunk): HandshakeStep {
      if (done || !clientRandom) throw new ProxyError('mtproxy', 'malformed', 'unexpected bytes from the proxy');
      buffer = joinBytes(buffer, chunk);
      const n = serverHelloLength(buffer);
      if (n === undefined) return { send: NO_BYTES, done: false };
      const answer = buffer.subarray(0, n);
      const expected = serverHelloDigest(crypto, secret.key, clientRandom, answer);
      if (!bytesEqual(expected, answer.subarray(HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + HELLO_RANDOM_LENGTH))) {
        throw new ProxyError(
          'mtproxy',
          'auth-failed',
          'the fake-TLS ServerHello does not carry our HMAC (wrong secret, or not an MTProxy)',
        );
      }
      done = true;
      const rest = buffer.subarray(n);
      buffer = NO_BYTES;
      return {
        send: NO_BYTES,
        done: true,
        rest,
        layer: createTlsRecordLayer({ side: 'client', ...(options.maxRecord !== undefined && { maxRecord: options.maxRecord }) }),
      };
    },
  };
}
