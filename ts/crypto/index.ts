/**
 * wasmgram/crypto — the crypto engine (WASM core, optional node:crypto routes)
 * and the MTProto crypto built on it.
 *
 * @example
 * ```ts
 * import { createCryptoProvider } from 'wasmgram/crypto';
 * const crypto = await createCryptoProvider();        // 'node' on Node, 'wasm-simd' elsewhere
 * const key = crypto.loadAuthKey(authKeyBytes);
 * const packet = key.seal(plaintext, 0);
 * ```
 */
export type { AuthKeyHandle, CryptoEngine, CryptoProvider, CtrCipher, HashInput, RandomSource } from './provider.js';
export { WasmCryptoProvider, createWasmProvider, createWasmProviderSync } from './wasm-provider.js';
export type { WasmProviderOptions } from './wasm-provider.js';
export { defaultRandom } from './random.js';

export { createCryptoProvider, type CryptoProviderOptions } from './create-provider.js';

// The MTProto crypto built on the provider: RSA (RSA_PAD and the old SHA1 form),
// Telegram's public keys, the DH checks, the handshake KDF, 2FA SRP, and helpers.
export {
  loadRsaPublicKey,
  parseRsaPublicKeyPem,
  RSA_PAD_MAX_DATA,
  RSA_SHA1_MAX_DATA,
  rsaDecryptRaw,
  rsaEncryptRaw,
  rsaEncryptSha1Padded,
  rsaKeyFingerprint,
  rsaPadDecrypt,
  rsaPadEncrypt,
  serializeRsaPublicKeyTl,
  tlSerializeBytes,
  type RsaKeyNumbers,
  type RsaPadCrypto,
  type RsaPadDecryptCrypto,
  type RsaPrivateKeyNumbers,
  type RsaPublicKey,
} from './rsa.js';
export {
  pickRsaKey,
  TELEGRAM_PRODUCTION_RSA_KEY,
  TELEGRAM_RSA_KEYS,
  TELEGRAM_TEST_RSA_KEY,
  telegramRsaPublicKey,
  telegramRsaPublicKeys,
  type TelegramRsaKey,
} from './rsa-keys.js';
export {
  checkDhPrime,
  checkDhValue,
  clearDhPrimeCache,
  computeDhClient,
  isKnownDhPrime,
  TELEGRAM_DH_PRIME,
  TELEGRAM_DH_PRIME_BYTES,
  type CheckDhPrimeOptions,
  type ComputeDhOptions,
  type DhClientResult,
  type DhNumber,
  type DhServerParams,
} from './dh.js';
export {
  authKeyAuxHash,
  authKeyHashes,
  authKeyId,
  checkAnswerWithHash,
  checkNewNonceHash,
  deriveTmpAesKeyIv,
  initialServerSalt,
  newNonceHash,
  withSha1AndPadding,
  type AuthKeyHashes,
  type TmpAesKeyIv,
} from './handshake-kdf.js';
export {
  computeSrpCheck,
  computeSrpCheckWithSecret,
  SRP_PBKDF2_ITERATIONS,
  srpPasswordHash,
  srpVerifier,
  type SrpAlgo,
  type SrpCheckResult,
  type SrpCrypto,
  type SrpOptions,
  type SrpPasswordParams,
} from './srp.js';
export {
  bigIntToBytes,
  bigIntToBytesLE,
  bitLength,
  byteLength,
  bytesToBigInt,
  bytesToBigIntLE,
  gcd,
  mod,
  modPow,
  randomBigIntBits,
  randomBigIntInRange,
  TWO_POW_1984,
  TWO_POW_2047,
  TWO_POW_2048,
} from './bigint.js';
export { bytesEqual, bytesToHex, concatBytes, hexToBytes, randomBytesFrom, reverseBytes, xorBytes } from './bytes.js';
export {
  configureModExp,
  modExp,
  modExpPair,
  prepareModExp,
  type ModExpDefaults,
  type ModExpEngine,
  type ModExpOptions,
} from './modexp.js';
