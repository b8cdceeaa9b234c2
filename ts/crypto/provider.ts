/**
 * The crypto engine interface. Everything above ts/crypto (TL, MTProto,
 * transports, client) calls cryptography only through a `CryptoProvider`, so
 * it never knows whether WebAssembly (SIMD or plain) or node:crypto runs.
 *
 * Obtain one with `createCryptoProvider()` (picks the best engine for the
 * runtime) or `createWasmProvider()` (always WASM).
 */

/**
 * A source of random bytes: fills `out` completely. Injected everywhere a
 * protocol step needs randomness (nonces, DH exponents, padding) so tests can
 * replay fixed vectors. Default: `crypto.getRandomValues`.
 */
export type RandomSource = (out: Uint8Array) => void;

/** Data to hash: one buffer, or several hashed as their concatenation (no copy needed by the caller). */
export type HashInput = Uint8Array | readonly Uint8Array[];

/** A stateful AES-256-CTR keystream (obfuscated2 transport, CDN files). */
export interface CtrCipher {
  /**
   * XORs `data` with the next `data.length` keystream bytes and returns the
   * result in a new array. Successive calls continue the stream, so a message
   * may be processed in pieces of any size.
   */
  process(data: Uint8Array): Uint8Array;
  /** Same as `process` but writes the result back into `data`. */
  processInPlace(data: Uint8Array): void;
  /** Frees the WASM memory of this stream; the object is unusable afterwards. */
  dispose(): void;
}

/**
 * An MTProto auth key loaded into the engine once, with the MTProto 2.0
 * message pipeline bound to it. Implementations print as
 * `AuthKeyHandle [redacted]` (`redact()` from ts/redact.ts) under
 * `console.log`, `util.inspect` and `JSON.stringify`.
 * https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
 */
export interface AuthKeyHandle {
  /** auth_key_id: the low 64 bits of SHA1(auth_key) — the last 8 bytes of the hash. */
  readonly id: Uint8Array;
  /** auth_key_id as an unsigned bigint (little-endian reading of `id`). */
  readonly idBigInt: bigint;
  /**
   * Seals one message: appends random padding (12..1024 bytes, total a
   * multiple of 16), computes msg_key, derives the AES key/iv and encrypts
   * with IGE. Returns `auth_key_id ‖ msg_key ‖ encrypted_data`.
   *
   * @param plaintext  salt ‖ session_id ‖ msg_id ‖ seq_no ‖ length ‖ body (unpadded)
   * @param x          0 for client→server messages, 8 for server→client
   * @param extraPadding  additional random padding blocks (0..60), for traffic-length hiding
   */
  seal(plaintext: Uint8Array, x: 0 | 8, extraPadding?: number): Uint8Array;
  /**
   * Opens one encrypted message `auth_key_id ‖ msg_key ‖ encrypted_data`:
   * checks the auth_key_id, decrypts, recomputes msg_key over the decrypted
   * data (padding included) and compares in constant time.
   * Returns the decrypted plaintext with its padding (the MTProto layer checks
   * the inner length). Throws `SecurityError` on any mismatch.
   *
   * @param x  8 when opening server→client messages, 0 for client→server
   */
  open(packet: Uint8Array, x: 0 | 8): Uint8Array;
  /** The raw 256-byte key (a copy). Never log it. */
  exportKey(): Uint8Array;
  /** Frees the key's slot in WASM memory and wipes it. */
  dispose(): void;
}

/** Which engine is behind a provider. */
export type CryptoEngine = 'wasm-simd' | 'wasm' | 'node';

/**
 * The crypto the protocol needs (AES-256-IGE and -CTR, SHA-1, SHA-256, PQ
 * factorization, MTProto 2.0 seal/open, random bytes) behind one interface,
 * so the layers above never know whether WASM or node:crypto computes it.
 * Made by `createCryptoProvider()`.
 */
export interface CryptoProvider {
  /** `wasm-simd`, `wasm`, or `node` (node:crypto for the operations where it measurably wins, WASM for the rest). */
  readonly engine: CryptoEngine;
  /** The injected random source (padding, nonces). */
  readonly random: RandomSource;

  /** Returns `n` random bytes from `random`. */
  randomBytes(n: number): Uint8Array;

  /** SHA-1 (FIPS 180-4). 20 bytes. */
  sha1(data: HashInput): Uint8Array;
  /** SHA-256 (FIPS 180-4). 32 bytes. */
  sha256(data: HashInput): Uint8Array;

  /**
   * AES-256-IGE encryption as MTProto uses it: `iv` is 32 bytes, the first 16
   * acting as the previous ciphertext block and the last 16 as the previous
   * plaintext block. `data.length` must be a multiple of 16.
   */
  igeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  /** AES-256-IGE decryption, the inverse of `igeEncrypt`. */
  igeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;

  /** A new AES-256-CTR stream with a 32-byte key and a 16-byte initial counter block (big-endian increment). */
  createCtr(key: Uint8Array, iv: Uint8Array): CtrCipher;

  /**
   * Factorizes the 64-bit `pq` of the auth key exchange into primes `[p, q]`
   * with `p < q` (Pollard–Brent rho in WASM). Throws `CryptoError` when pq is
   * not a product of two primes that fits the rules.
   */
  factorizePQ(pq: bigint): [bigint, bigint];

  /** Loads a 256-byte auth key into the engine for `seal`/`open`. */
  loadAuthKey(key: Uint8Array): AuthKeyHandle;

  /** PBKDF2-HMAC-SHA512 via WebCrypto (2FA SRP: 100 000 iterations). */
  pbkdf2Sha512(password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array>;
}
