/**
 * "node:crypto+@mtcute/wasm": the fastest MTProto 2.0 seal/open one can chain
 * from off-the-shelf primitives — SHA-256 from one-shot `crypto.hash()`, or
 * from @mtcute/wasm for inputs under 512 bytes (the two 52-byte KDF hashes,
 * and msg_key of small messages), where the WASM call is cheaper than
 * node:crypto's per-call overhead (+10–15% on seal/open at 48–176 B, measured
 * with this harness; from 512 B on `crypto.hash()` wins); @mtcute/wasm for
 * AES-IGE; buffers allocated once per message size, so the hot path only
 * allocates what the primitives themselves return.
 * It is the bar the fused WASM pipeline has to clear.
 * https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
 */
import nodeCrypto from 'node:crypto';
import { authKeyId, nodeHash } from './reference.js';
import type { MtcuteWasm } from './peers.js';

function paddingFor(length: number): number {
  return 12 + ((16 - ((length + 12) % 16)) % 16);
}

export class HandChain {
  private readonly id: Uint8Array;
  /** auth_key[88+x..120+x] ‖ plaintext ‖ padding: the msg_key input, written in place. */
  private readonly sealInput: Uint8Array;
  /** auth_key[96..128] ‖ decrypted data. */
  private readonly openInput: Uint8Array;
  /** msg_key ‖ auth_key[x..x+36] and auth_key[40+x..76+x] ‖ msg_key, one pair per direction. */
  private readonly kdfA: Record<0 | 8, Uint8Array>;
  private readonly kdfB: Record<0 | 8, Uint8Array>;
  private readonly key = new Uint8Array(32);
  private readonly iv = new Uint8Array(32);

  /**
   * @param maxLength  largest padded message this instance will seal or open
   * @param wasmHashBelow  inputs shorter than this are hashed with @mtcute/wasm's sha256, longer ones with `crypto.hash()`
   */
  constructor(
    authKey: Uint8Array,
    private readonly mt: MtcuteWasm,
    maxLength: number,
    private readonly wasmHashBelow = 512,
  ) {
    this.id = authKeyId(authKey);
    this.sealInput = new Uint8Array(32 + maxLength + 32);
    this.sealInput.set(authKey.subarray(88, 120));
    this.openInput = new Uint8Array(32 + maxLength);
    this.openInput.set(authKey.subarray(96, 128));
    const a = (x: 0 | 8) => {
      const b = new Uint8Array(52);
      b.set(authKey.subarray(x, x + 36), 16);
      return b;
    };
    const b = (x: 0 | 8) => {
      const buf = new Uint8Array(52);
      buf.set(authKey.subarray(40 + x, 76 + x));
      return buf;
    };
    this.kdfA = { 0: a(0), 8: a(8) };
    this.kdfB = { 0: b(0), 8: b(8) };
  }

  private sha256(data: Uint8Array): Uint8Array {
    return data.length < this.wasmHashBelow ? this.mt.sha256(data) : nodeHash('sha256', data);
  }

  private derive(msgKey: Uint8Array, x: 0 | 8): void {
    const ka = this.kdfA[x];
    const kb = this.kdfB[x];
    ka.set(msgKey);
    kb.set(msgKey, 36);
    const a = this.sha256(ka);
    const b = this.sha256(kb);
    const key = this.key;
    const iv = this.iv;
    key.set(a.subarray(0, 8));
    key.set(b.subarray(8, 24), 8);
    key.set(a.subarray(24, 32), 24);
    iv.set(b.subarray(0, 8));
    iv.set(a.subarray(8, 24), 8);
    iv.set(b.subarray(24, 32), 24);
  }

  /** Client→server seal (x = 0) of `salt ‖ session_id ‖ msg_id ‖ seq_no ‖ length ‖ body`. */
  seal(plaintext: Uint8Array): Uint8Array {
    const len = plaintext.length;
    const total = len + paddingFor(len);
    const input = this.sealInput;
    input.set(plaintext, 32);
    nodeCrypto.randomFillSync(input, 32 + len, total - len);
    const msgKey = this.sha256(input.subarray(0, 32 + total)).subarray(8, 24);
    this.derive(msgKey, 0);
    const encrypted = this.mt.ige256Encrypt(input.subarray(32, 32 + total), this.key, this.iv);
    const out = new Uint8Array(24 + total);
    out.set(this.id);
    out.set(msgKey, 8);
    out.set(encrypted, 24);
    return out;
  }

  /** Server→client open (x = 8); returns plaintext ‖ padding, throws on a bad key id or msg_key. */
  open(packet: Uint8Array): Uint8Array {
    const n = packet.length - 24;
    if (n < 16 || n % 16 !== 0) throw new Error('bad packet length');
    if (!nodeCrypto.timingSafeEqual(packet.subarray(0, 8), this.id)) throw new Error('auth_key_id mismatch');
    const msgKey = packet.subarray(8, 24);
    this.derive(msgKey, 8);
    const decrypted = this.mt.ige256Decrypt(packet.subarray(24), this.key, this.iv);
    this.openInput.set(decrypted, 32);
    const check = this.sha256(this.openInput.subarray(0, 32 + n)).subarray(8, 24);
    if (!nodeCrypto.timingSafeEqual(check, msgKey)) throw new Error('msg_key mismatch');
    return decrypted;
  }
}
