/**
 * obfuscated2: hides the MTProto transport from traffic inspection by
 * running the whole byte stream through AES-256-CTR, with keys carried in a
 * 64-byte random init the client sends first.
 * https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
 *
 * Init layout (as the client builds it, before encryption):
 * `0..8` random (with forbidden values, see `isForbiddenInit`) ‖
 * `8..40` encrypt key ‖ `40..56` encrypt IV ‖ `56..60` protocol tag ‖
 * `60..62` DC id (int16 LE) ‖ `62..64` random.
 * The client encrypts the 64 bytes with its encrypt stream and sends
 * bytes 0..56 as they were and 56..64 encrypted. The decrypt key and IV are
 * bytes 8..56 reversed. With an MTProxy secret each key becomes
 * SHA256(key ‖ secret). https://core.telegram.org/mtproxy
 */
import type { CryptoProvider, CtrCipher, RandomSource } from '../crypto/provider.js';
import { TransportError } from '../errors.js';
import { codecForTag, PROTOCOL_TAGS } from './codec.js';
import { writeU32 } from './error-code.js';
import type { CodecKind } from './frame.js';

/** Length of the obfuscated2 init. */
export const OBFUSCATED_INIT_LENGTH = 64;

/**
 * First ints (LE) a client init must not start with, so the server cannot
 * mistake it for another protocol: HTTP verbs, the plain intermediate
 * prefixes, and a TLS record header.
 */
const FORBIDDEN_FIRST_INTS: readonly number[] = [
  0x44414548, // 'HEAD'
  0x54534f50, // 'POST'
  0x20544547, // 'GET '
  0x4954504f, // 'OPTI'
  0xdddddddd, // padded intermediate
  0xeeeeeeee, // intermediate
  0x02010316, // TLS handshake record 16 03 01 02
];

/** How many fresh inits to draw before concluding the random source is broken. */
const MAX_ATTEMPTS = 64;

/** The two AES-256-CTR streams of one obfuscated connection. */
export interface ObfuscationCipher {
  /** Encrypts outgoing bytes (continues the stream; chunks may have any size). */
  encrypt(data: Uint8Array): Uint8Array;
  /** Decrypts incoming bytes (continues the stream). */
  decrypt(data: Uint8Array): Uint8Array;
  /** Frees both streams. */
  dispose(): void;
}

/** Options of `createObfuscatedInit`. */
export interface ObfuscatedInitOptions {
  /** Provides AES-256-CTR, SHA-256 and (by default) the randomness. */
  crypto: CryptoProvider;
  /** The framing used inside the obfuscated stream; its tag goes into the init. */
  codec: CodecKind;
  /** The DC id as it goes on the wire (int16); see `obfuscatedDcId`. */
  dcId: number;
  /** A 16-byte MTProxy secret (without the `dd`/`ee` prefix). */
  secret?: Uint8Array;
  /** Source of the 64 init bytes. Default `crypto.random`. */
  random?: RandomSource;
}

/** What a client needs after `createObfuscatedInit`. */
export interface ObfuscatedClientInit {
  /** The 64 bytes to send before anything else. */
  init: Uint8Array;
  /** The connection's streams; the encrypt stream has already consumed the init. */
  cipher: ObfuscationCipher;
}

/** What a server learns from a client's init. */
export interface AcceptedObfuscation {
  /** The framing the client announced. */
  codec: CodecKind;
  /** The DC id from bytes 60..62 (int16: negative for media, +10000 for test DCs). */
  dcId: number;
  /** The server's streams; the decrypt stream has already consumed the init. */
  cipher: ObfuscationCipher;
}

/**
 * The DC id for the init: the DC number, plus 10000 for a test DC, negated
 * for a media-only connection. https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
 */
export function obfuscatedDcId(dc: number, options: { test?: boolean; media?: boolean } = {}): number {
  const id = dc + (options.test ? 10000 : 0);
  return options.media ? -id : id;
}

/**
 * True when 64 random bytes may not be used as an init: first byte 0xef
 * (abridged prefix), a forbidden first int, or a zero second int (which is
 * how the full transport's first frame looks, seqno 0).
 */
export function isForbiddenInit(init: Uint8Array): boolean {
  if (init[0] === 0xef) return true;
  const first = u32(init, 0);
  if (FORBIDDEN_FIRST_INTS.includes(first)) return true;
  return u32(init, 4) === 0;
}

/**
 * Builds a client init for a new obfuscated connection: draws random bytes
 * until they obey the forbidden-prefix rules, writes the protocol tag and DC
 * id, derives both keys and encrypts the tail.
 * Throws `TransportError` for a bad DC id or secret, or when the random
 * source yields forbidden bytes `MAX_ATTEMPTS` times in a row.
 *
 * @example
 * ```ts
 * const { init, cipher } = createObfuscatedInit({ crypto, codec: 'intermediate', dcId: 2 });
 * socket.write(init);
 * socket.write(cipher.encrypt(codec.encode(packet)));
 * ```
 */
export function createObfuscatedInit(options: ObfuscatedInitOptions): ObfuscatedClientInit {
  const { crypto, codec, dcId, secret } = options;
  const tag = PROTOCOL_TAGS[codec];
  if (tag === undefined) {
    throw new TransportError(
      `obfuscated2 has no protocol tag for the ${codec} transport (the spec obfuscates only abridged, intermediate and padded intermediate)`,
    );
  }
  checkDcId(dcId);
  checkSecret(secret);
  const random = options.random ?? crypto.random;
  const init = new Uint8Array(OBFUSCATED_INIT_LENGTH);
  let attempts = 0;
  do {
    if (++attempts > MAX_ATTEMPTS) {
      throw new TransportError('obfuscated2: the random source keeps producing forbidden init bytes');
    }
    random(init);
  } while (isForbiddenInit(init));
  writeU32(init, 56, tag);
  init[60] = dcId & 0xff;
  init[61] = (dcId >> 8) & 0xff;

  const keys = deriveKeys(crypto, init, secret);
  const cipher = makeCipher(crypto.createCtr(keys.forwardKey, keys.forwardIv), crypto.createCtr(keys.backwardKey, keys.backwardIv));
  const encrypted = cipher.encrypt(init);
  init.set(encrypted.subarray(56), 56);
  return { init, cipher };
}

/**
 * Server side: reads a client's 64-byte init, derives the mirrored streams
 * and recovers the protocol tag and DC id. `secret` must be the one the
 * client used (MTProxy). Throws `TransportError` when the init is not 64
 * bytes or its tag is unknown (which is also what a wrong secret looks like).
 */
export function acceptObfuscatedInit(init: Uint8Array, options: { crypto: CryptoProvider; secret?: Uint8Array }): AcceptedObfuscation {
  if (init.length !== OBFUSCATED_INIT_LENGTH) {
    throw new TransportError(`obfuscated2: init must be 64 bytes, got ${init.length}`);
  }
  checkSecret(options.secret);
  const { crypto } = options;
  const keys = deriveKeys(crypto, init, options.secret);
  // The server decrypts with the client's encrypt stream and encrypts with its decrypt stream.
  const cipher = makeCipher(crypto.createCtr(keys.backwardKey, keys.backwardIv), crypto.createCtr(keys.forwardKey, keys.forwardIv));
  const plain = cipher.decrypt(init);
  const tag = u32(plain, 56);
  const codec = codecForTag(tag);
  if (!codec) {
    cipher.dispose();
    throw new TransportError(`obfuscated2: unknown protocol tag 0x${tag.toString(16).padStart(8, '0')} (wrong secret?)`);
  }
  const dcId = ((plain[60]! | (plain[61]! << 8)) << 16) >> 16;
  return { codec, dcId, cipher };
}

/** Keys of the client→server ("forward") and server→client ("backward") streams. */
interface Keys {
  forwardKey: Uint8Array;
  forwardIv: Uint8Array;
  backwardKey: Uint8Array;
  backwardIv: Uint8Array;
}

function deriveKeys(crypto: CryptoProvider, init: Uint8Array, secret: Uint8Array | undefined): Keys {
  const reversed = init.slice(8, 56).reverse();
  let forwardKey: Uint8Array = init.slice(8, 40);
  let backwardKey: Uint8Array = reversed.subarray(0, 32);
  if (secret) {
    forwardKey = crypto.sha256([forwardKey, secret]);
    backwardKey = crypto.sha256([backwardKey, secret]);
  }
  return { forwardKey, forwardIv: init.slice(40, 56), backwardKey, backwardIv: reversed.slice(32, 48) };
}

function makeCipher(encryptor: CtrCipher, decryptor: CtrCipher): ObfuscationCipher {
  return {
    encrypt: (data) => encryptor.process(data),
    decrypt: (data) => decryptor.process(data),
    dispose: () => {
      encryptor.dispose();
      decryptor.dispose();
    },
  };
}

function checkDcId(dcId: number): void {
  if (!Number.isInteger(dcId) || dcId < -0x8000 || dcId > 0x7fff) {
    throw new TransportError(`obfuscated2: DC id must be an int16, got ${dcId}`);
  }
}

function checkSecret(secret: Uint8Array | undefined): void {
  if (secret && secret.length !== 16) {
    throw new TransportError(`obfuscated2: an MTProxy secret is 16 bytes (without its dd/ee prefix), got ${secret.length}`);
  }
}

function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
