/**
 * node:crypto building blocks: the reference every implementation is checked
 * against before it is timed, and the node:crypto peers themselves.
 * Written for this benchmark from the MTProto spec; nothing here comes from a
 * peer library.
 */
import nodeCrypto from 'node:crypto';

type OneShotHash = (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer;
const oneShot = (nodeCrypto as unknown as { hash?: OneShotHash }).hash;

/** Whether this Node has the one-shot `crypto.hash()` (20.12+ / 21.7+); otherwise createHash is used. */
export const HAS_ONE_SHOT_HASH = typeof oneShot === 'function';

/** SHA via the one-shot `crypto.hash()` (createHash on older Node). */
export function nodeHash(algorithm: 'sha1' | 'sha256', data: Uint8Array): Buffer {
  return oneShot ? oneShot(algorithm, data, 'buffer') : nodeCrypto.createHash(algorithm).update(data).digest();
}

function xor16(out: Uint8Array, o: number, a: Uint8Array, ao: number, b: Uint8Array, bo: number): void {
  for (let i = 0; i < 16; i++) out[o + i] = a[ao + i]! ^ b[bo + i]!;
}

/**
 * AES-256-IGE with one aes-256-ecb call per block (OpenSSL has no IGE mode).
 * MTProto convention: iv[0..16) is y₀ (the "previous ciphertext"), iv[16..32) is x₀.
 * Encryption: y_i = E(x_i ⊕ y_{i-1}) ⊕ x_{i-1}. Decryption: x_i = D(y_i ⊕ x_{i-1}) ⊕ y_{i-1}.
 */
export function igeEcb(decrypt: boolean, data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const aes = decrypt ? nodeCrypto.createDecipheriv('aes-256-ecb', key, null) : nodeCrypto.createCipheriv('aes-256-ecb', key, null);
  aes.setAutoPadding(false);
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(16);
  // Chaining values: the previous block of the *other* side is XORed into the AES input.
  let inPrev: Uint8Array = iv;
  let inPrevOff = decrypt ? 16 : 0;
  let outPrev: Uint8Array = iv;
  let outPrevOff = decrypt ? 0 : 16;
  for (let o = 0; o < data.length; o += 16) {
    xor16(block, 0, data, o, inPrev, inPrevOff);
    const z = aes.update(block);
    xor16(out, o, z, 0, outPrev, outPrevOff);
    // For encryption the AES input chains on the previous output (y) and the
    // output on the previous input (x); decryption swaps the roles.
    inPrev = out;
    inPrevOff = o;
    outPrev = data;
    outPrevOff = o;
  }
  return out;
}

/**
 * AES-256-IGE *encryption* as a single AES-256-CBC call (AES-NI, pipelined).
 * The AES input of block i is x_i ⊕ y_{i-1} = x_i ⊕ z_{i-1} ⊕ x_{i-2}
 * (z = raw AES output, y_{i-1} = z_{i-1} ⊕ x_{i-2}), which is CBC over
 * w_i = x_i ⊕ x_{i-2} with CBC iv = y₀; then y_i = z_i ⊕ x_{i-1}.
 * Here x₀ = iv[16..32) and x_{-1} is taken as zero, so w₁ = x₁.
 */
export function igeEncryptCbc(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const n = data.length;
  const w = Buffer.allocUnsafe(n);
  if (n > 0) w.set(data.subarray(0, 16));
  if (n > 16) xor16(w, 16, data, 16, iv, 16);
  for (let o = 32; o < n; o++) w[o] = data[o]! ^ data[o - 32]!;
  const cbc = nodeCrypto.createCipheriv('aes-256-cbc', key, iv.subarray(0, 16));
  cbc.setAutoPadding(false);
  const z = cbc.update(w);
  const out = new Uint8Array(n);
  if (n > 0) xor16(out, 0, z, 0, iv, 16);
  for (let o = 16; o < n; o++) out[o] = z[o]! ^ data[o - 16]!;
  return out;
}

/** The node:crypto AES-256-CTR stream (stateful across calls). */
export function nodeCtr(key: Uint8Array, iv: Uint8Array): (data: Uint8Array) => Uint8Array {
  const c = nodeCrypto.createCipheriv('aes-256-ctr', key, iv);
  return (data) => c.update(data);
}

/**
 * MTProto 2.0 message key derivation, x = 0 client→server, 8 server→client.
 * https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
 */
export function messageKeyIv(authKey: Uint8Array, msgKey: Uint8Array, x: 0 | 8): { key: Uint8Array; iv: Uint8Array } {
  const a = nodeCrypto
    .createHash('sha256')
    .update(msgKey)
    .update(authKey.subarray(x, x + 36))
    .digest();
  const b = nodeCrypto
    .createHash('sha256')
    .update(authKey.subarray(40 + x, 76 + x))
    .update(msgKey)
    .digest();
  const key = Buffer.concat([a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)]);
  const iv = Buffer.concat([b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)]);
  return { key, iv };
}

/** auth_key_id: the low 64 bits of SHA1(auth_key). */
export function authKeyId(authKey: Uint8Array): Uint8Array {
  return nodeCrypto.createHash('sha1').update(authKey).digest().subarray(12, 20);
}

/** msg_key = middle 128 bits of SHA256(substr(auth_key, 88+x, 32) + plaintext + padding). */
function msgKeyOf(authKey: Uint8Array, padded: Uint8Array, x: 0 | 8): Uint8Array {
  return nodeCrypto
    .createHash('sha256')
    .update(authKey.subarray(88 + x, 120 + x))
    .update(padded)
    .digest()
    .subarray(8, 24);
}

/** Reference seal with caller-chosen padding (12..1024 bytes, total a multiple of 16). */
export function referenceSeal(authKey: Uint8Array, plaintext: Uint8Array, padding: Uint8Array, x: 0 | 8): Uint8Array {
  const padded = Buffer.concat([plaintext, padding]);
  const msgKey = msgKeyOf(authKey, padded, x);
  const { key, iv } = messageKeyIv(authKey, msgKey, x);
  return Buffer.concat([authKeyId(authKey), msgKey, igeEcb(false, padded, key, iv)]);
}

/** Reference open: checks auth_key_id, msg_key and the padding length; returns plaintext ‖ padding. */
export function referenceOpen(authKey: Uint8Array, packet: Uint8Array, x: 0 | 8): Uint8Array {
  if (packet.length < 40 || (packet.length - 24) % 16 !== 0) throw new Error(`bad packet length ${packet.length}`);
  if (!Buffer.from(packet.subarray(0, 8)).equals(authKeyId(authKey))) throw new Error('auth_key_id mismatch');
  const msgKey = packet.subarray(8, 24);
  const { key, iv } = messageKeyIv(authKey, msgKey, x);
  const padded = igeEcb(true, packet.subarray(24), key, iv);
  if (!Buffer.from(msgKeyOf(authKey, padded, x)).equals(msgKey)) throw new Error('msg_key mismatch');
  const bodyLength = new DataView(padded.buffer, padded.byteOffset).getUint32(28, true);
  const pad = padded.length - 32 - bodyLength;
  if (pad < 12 || pad > 1024) throw new Error(`padding length ${pad} outside 12..1024`);
  return padded;
}
