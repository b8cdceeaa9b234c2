/**
 * The proxy's side of MTProxy fake-TLS, written from how MTProxy behaves
 * (https://core.telegram.org/mtproxy, TelegramMessenger/MTProxy): recognise
 * a ClientHello by its HMAC random and timestamp, refuse replays, and answer
 * with ServerHello ‖ ChangeCipherSpec ‖ one application-data record whose
 * `random` is HMAC(key, client random ‖ answer). Sans-IO.
 */
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { HELLO_RANDOM_LENGTH, HELLO_RANDOM_OFFSET, serverHelloDigest } from '../../transport/proxy/fake-tls.js';
import { bytesEqual, hmacSha256 } from '../../transport/proxy/hmac-sha256.js';

/** Why a ClientHello was not accepted. */
export type HelloRejection = 'not-tls' | 'too-long' | 'hmac' | 'clock' | 'replay' | 'sni';

/** Longest ClientHello record the proxy reads (bytes after the 5-byte header). */
export const MAX_CLIENT_HELLO = 16 * 1024;

/** A ClientHello the proxy accepted. */
export interface AcceptedHello {
  clientRandom: Uint8Array;
  sessionId: Uint8Array;
  /** The client's unix time from the random. */
  unixTime: number;
  /** The SNI host name, when the hello has one. */
  sni: string | undefined;
}

/** Remembers client randoms / inits recently seen, so a replayed one is refused. */
export class ReplayCache {
  private readonly seen = new Set<string>();
  constructor(private readonly limit = 4096) {}
  /** True when `bytes` was seen before; records it otherwise. */
  check(bytes: Uint8Array): boolean {
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    if (this.seen.size > this.limit) this.seen.delete(this.seen.values().next().value!);
    return false;
  }
}

/** Length of a whole ClientHello record at the front of `b`, or undefined until the header is in. Throws nothing. */
export function clientHelloRecordLength(b: Uint8Array): number | undefined {
  if (b.length < 5) return undefined;
  return 5 + ((b[3]! << 8) | b[4]!);
}

/**
 * Checks a complete ClientHello record (`16 03 01 <len> ...`) against `key`:
 * HMAC over the hello with its random zeroed (first 28 bytes), the time in
 * the last 4 within `maxSkewS` of `nowS`, not replayed, and SNI = `domain`
 * when one is required.
 */
export function checkClientHello(
  record: Uint8Array,
  options: {
    key: Uint8Array;
    crypto: Pick<CryptoProvider, 'sha256'>;
    nowS: number;
    maxSkewS: number;
    replays: ReplayCache;
    domain?: string | undefined;
  },
): AcceptedHello | HelloRejection {
  if (record.length < 5 + 4 + 2 + 32 + 1 + 32 || record[0] !== 0x16 || record[1] !== 0x03 || record[5] !== 0x01) return 'not-tls';
  if (record.length - 5 > MAX_CLIENT_HELLO) return 'too-long';
  const random = record.slice(HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + HELLO_RANDOM_LENGTH);
  const zeroed = record.slice();
  zeroed.fill(0, HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + HELLO_RANDOM_LENGTH);
  const expected = hmacSha256(options.crypto, options.key, [zeroed]);
  if (!bytesEqual(expected.subarray(0, 28), random.subarray(0, 28))) return 'hmac';
  const time =
    (expected[28]! ^ random[28]!) |
    ((expected[29]! ^ random[29]!) << 8) |
    ((expected[30]! ^ random[30]!) << 16) |
    ((expected[31]! ^ random[31]!) << 24);
  if (Math.abs(time - options.nowS) > options.maxSkewS) return 'clock';
  if (options.replays.check(random)) return 'replay';
  const sidLength = record[43]!;
  if (sidLength > 32 || record.length < 44 + sidLength) return 'not-tls';
  const sessionId = record.slice(44, 44 + sidLength);
  const sni = readSni(record, 44 + sidLength);
  if (options.domain !== undefined && sni !== options.domain) return 'sni';
  return { clientRandom: random, sessionId, unixTime: time, sni };
}

/**
 * The answer to an accepted hello: a TLS 1.3 ServerHello record
 * (TLS_AES_128_GCM_SHA256, key_share x25519, supported_versions 1.3), a
 * ChangeCipherSpec, and an application-data record of random bytes standing
 * in for the encrypted certificate; its random is the HMAC the client checks.
 */
export function buildServerHello(options: {
  key: Uint8Array;
  crypto: Pick<CryptoProvider, 'sha256'>;
  random: RandomSource;
  hello: AcceptedHello;
  /** Size of the fake encrypted-extensions/certificate record (default 2 500 + up to 1 000 random). */
  certificateLength?: number;
}): Uint8Array {
  const r = new Uint8Array(2);
  options.random(r);
  const certLength = options.certificateLength ?? 2500 + (((r[0]! << 8) | r[1]!) % 1000);
  const keyShare = new Uint8Array(32);
  options.random(keyShare);
  const sid = options.hello.sessionId;
  const body: number[] = [0x03, 0x03, ...new Uint8Array(32), sid.length, ...sid, 0x13, 0x01, 0x00];
  const extensions = [0x00, 0x33, 0x00, 0x24, 0x00, 0x1d, 0x00, 0x20, ...keyShare, 0x00, 0x2b, 0x00, 0x02, 0x03, 0x04];
  body.push(extensions.length >> 8, extensions.length & 0xff, ...extensions);
  const handshake = [0x02, 0x00, body.length >> 8, body.length & 0xff, ...body];
  const cert = new Uint8Array(certLength);
  options.random(cert);
  const answer = Uint8Array.from([
    0x16,
    0x03,
    0x03,
    handshake.length >> 8,
    handshake.length & 0xff,
    ...handshake,
    0x14,
    0x03,
    0x03,
    0x00,
    0x01,
    0x01,
    0x17,
    0x03,
    0x03,
    certLength >> 8,
    certLength & 0xff,
    ...cert,
  ]);
  answer.set(serverHelloDigest(options.crypto, options.key, options.hello.clientRandom, answer), HELLO_RANDOM_OFFSET);
  return answer;
}

/** The server_name from a ClientHello record whose session id ends before `at`, or undefined. */
function readSni(record: Uint8Array, at: number): string | undefined {
  const u16 = (o: number) => (record[o]! << 8) | record[o + 1]!;
  let o = at;
  if (o + 2 > record.length) return undefined;
  o += 2 + u16(o); // cipher suites
  if (o + 1 > record.length) return undefined;
  o += 1 + record[o]!; // compression methods
  if (o + 2 > record.length) return undefined;
  const end = Math.min(record.length, o + 2 + u16(o));
  o += 2;
  while (o + 4 <= end) {
    const type = u16(o);
    const length = u16(o + 2);
    o += 4;
    if (type === 0 && o + 5 <= end && record[o + 2] === 0) {
      const nameLength = u16(o + 3);
      if (o + 5 + nameLength > end) return undefined;
      return new TextDecoder().decode(record.subarray(o + 5, o + 5 + nameLength));
    }
    o += length;
  }
  return undefined;
}
