// The crypto WASM module's exports. All arguments are byte addresses in this
// module's memory; the only caller is ts/wasm/crypto-module.ts, which owns the
// memory layout on the JS side (key slots and I/O buffers from heapBase()).
import {
  ENC_RK, DEC_RK, LAST_ENC_KEY, LAST_DEC_KEY, KEY_FLAGS, HASH_CTX, BLOCK_TMP, AK_KEY, AK_ID,
} from './layout';
import {
  aesInitTables, aesExpandEnc, aesExpandDec, encryptBlock, decryptBlock,
  igeEncryptRk, igeDecryptRk, ctrInit as ctrInitImpl, ctrProcess as ctrProcessImpl,
} from './aes';
import { igeEncrypt256, igeDecrypt256 } from './aes-ige256';
import { sha256Init as s256Init } from './sha256';
import { sha1Init as s1Init } from './sha1';
import {
  sha256Update as s256Update, sha256Final as s256Final, sha1Update as s1Update, sha1Final as s1Final,
} from './hash-stream';
import { mtpSeal, mtpOpen } from './mtproto';
import { pqFactor as pqFactorImpl, isPrime64 } from './pq';

aesInitTables();

/** First byte the JS side may use (key slots, then I/O buffers). */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}

// ---- hashes ----
export function sha1(src: usize, len: usize, out: usize): void {
  s1Init(HASH_CTX);
  s1Update(HASH_CTX, src, len);
  s1Final(HASH_CTX, out);
}
export function sha256(src: usize, len: usize, out: usize): void {
  s256Init(HASH_CTX);
  s256Update(HASH_CTX, src, len);
  s256Final(HASH_CTX, out);
}
export function sha1Init(ctx: usize): void { s1Init(ctx); }
export function sha1Update(ctx: usize, src: usize, len: usize): void { s1Update(ctx, src, len); }
export function sha1Final(ctx: usize, out: usize): void { s1Final(ctx, out); }
export function sha256Init(ctx: usize): void { s256Init(ctx); }
export function sha256Update(ctx: usize, src: usize, len: usize): void { s256Update(ctx, src, len); }
export function sha256Final(ctx: usize, out: usize): void { s256Final(ctx, out); }

// ---- AES ----
@inline function sameKey(a: usize, b: usize): bool {
  return ((load<u64>(a) ^ load<u64>(b)) | (load<u64>(a, 8) ^ load<u64>(b, 8)) |
    (load<u64>(a, 16) ^ load<u64>(b, 16)) | (load<u64>(a, 24) ^ load<u64>(b, 24))) == 0;
}

/**
 * AES-256-IGE encryption with the 32-byte key at `key` and 32-byte iv at `iv`.
 * The expanded key is cached: repeated calls with the same key skip the schedule.
 */
export function igeEncrypt(key: usize, iv: usize, src: usize, dst: usize, len: usize): void {
  if (load<u32>(KEY_FLAGS) == 0 || !sameKey(key, LAST_ENC_KEY)) {
    aesExpandEnc(key, 32, ENC_RK);
    memory.copy(LAST_ENC_KEY, key, 32);
    store<u32>(KEY_FLAGS, 1);
  }
  igeEncrypt256(iv, src, dst, len);
}

/** AES-256-IGE decryption; see igeEncrypt. */
export function igeDecrypt(key: usize, iv: usize, src: usize, dst: usize, len: usize): void {
  if (load<u32>(KEY_FLAGS, 4) == 0 || !sameKey(key, LAST_DEC_KEY)) {
    aesExpandDec(key, 32, DEC_RK);
    memory.copy(LAST_DEC_KEY, key, 32);
    store<u32>(KEY_FLAGS, 1, 4);
  }
  igeDecrypt256(iv, src, dst, len);
}

/** IGE with any AES key size (16/24/32); for test vectors. Returns 0 on a bad key length. */
export function igeEncryptAnyKey(key: usize, keyLen: u32, iv: usize, src: usize, dst: usize, len: usize): u32 {
  const nr = aesExpandEnc(key, keyLen, ENC_RK);
  store<u32>(KEY_FLAGS, 0);
  if (nr != 0) igeEncryptRk(ENC_RK, nr, iv, src, dst, len, BLOCK_TMP);
  return nr;
}
export function igeDecryptAnyKey(key: usize, keyLen: u32, iv: usize, src: usize, dst: usize, len: usize): u32 {
  const nr = aesExpandDec(key, keyLen, DEC_RK);
  store<u32>(KEY_FLAGS, 0, 4);
  if (nr != 0) igeDecryptRk(DEC_RK, nr, iv, src, dst, len, BLOCK_TMP);
  return nr;
}

/** AES-ECB over whole blocks with any key size; `decrypt` selects the direction. Returns rounds or 0. */
export function aesEcb(key: usize, keyLen: u32, src: usize, dst: usize, len: usize, decrypt: bool): u32 {
  if (decrypt) {
    const nr = aesExpandDec(key, keyLen, DEC_RK);
    store<u32>(KEY_FLAGS, 0, 4);
    for (let i: usize = 0; nr != 0 && i < len; i += 16) decryptBlock(DEC_RK, nr, src + i, dst + i);
    return nr;
  }
  const nr = aesExpandEnc(key, keyLen, ENC_RK);
  store<u32>(KEY_FLAGS, 0);
  for (let i: usize = 0; nr != 0 && i < len; i += 16) encryptBlock(ENC_RK, nr, src + i, dst + i);
  return nr;
}

export function ctrInit(ctx: usize, key: usize, keyLen: u32, iv: usize): u32 {
  return ctrInitImpl(ctx, key, keyLen, iv);
}
export function ctrProcess(ctx: usize, src: usize, dst: usize, len: usize): void {
  ctrProcessImpl(ctx, src, dst, len);
}

// ---- MTProto ----
/** Computes auth_key_id (SHA1(auth_key)[12..20]) for the key already copied into the slot. */
export function authKeyLoad(slot: usize): void {
  sha1(slot + AK_KEY, 256, HASH_CTX + 200);
  store<u64>(slot + AK_ID, load<u64>(HASH_CTX + 200 + 12));
}
export function seal(slot: usize, x: usize, src: usize, len: usize, dst: usize): void {
  mtpSeal(slot, x, src, len, dst);
}
export function open(slot: usize, x: usize, src: usize, len: usize, dst: usize): u32 {
  return mtpOpen(slot, x, src, len, dst);
}

// ---- PQ ----
export function pqFactor(pq: u64): u64 {
  return pqFactorImpl(pq);
}

/** Deterministic primality test for any u64 (1 = prime). */
export function isPrime(n: u64): u32 {
  return isPrime64(n) ? 1 : 0;
}
