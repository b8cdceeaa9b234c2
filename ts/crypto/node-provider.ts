/**
 * The Node.js `CryptoProvider`, `#platform/crypto-node` under the `default`
 * condition (browsers, workers, Deno and Bun get node-provider-web.ts: the
 * WASM provider). It is the WASM provider with the operations where
 * OpenSSL (AES-NI) measurably wins on this platform routed to node:crypto
 * (thresholds from bench/results/crypto.md):
 *
 * - SHA-1/SHA-256 of inputs from `hashThreshold` bytes up (one-shot `crypto.hash`);
 * - AES-256-CTR streams (OpenSSL's CTR runs blocks in parallel; a chained
 *   WASM T-table cannot);
 * - AES-256-IGE *encryption* from `igeThreshold` bytes up, computed as one
 *   AES-256-CBC call over a pre-XORed input: IGE's AES input for block i
 *   is x_i ⊕ y_{i-1} = x_i ⊕ z_{i-1} ⊕ x_{i-2} where z is the raw AES output,
 *   so CBC over w_i = x_i ⊕ x_{i-2} yields z, and y_i = z_i ⊕ x_{i-1}.
 *   IGE decryption has no such shortcut and stays in WASM;
 * - seal/open of messages from `sealThreshold` bytes up: msg_key hashing by
 *   OpenSSL, IGE encryption as above; small messages stay one WASM call.
 *
 * The OpenSSL calls themselves are the platform's (ts/platform/node/crypto.ts);
 * this file builds the engine on the WASM provider.
 */
import { aesCbcEncrypt, createAesCtr, nativeHash, timingSafeEqual } from '../platform/node/crypto.js';
import type { AuthKeyHandle, CryptoEngine, CtrCipher, HashInput } from './provider.js';
import { checkX, paddingLength, totalLength, WasmCryptoProvider, type WasmProviderOptions } from './wasm-provider.js';
import { loadCryptoModule } from '../wasm/crypto-module.js';
import { CryptoError, SecurityError } from '../errors.js';
import { redact } from '../redact.js';

export interface NodeProviderOptions extends WasmProviderOptions {
  /** Hash inputs at least this long go to node:crypto (default 512 bytes). */
  hashThreshold?: number;
  /** IGE encryptions at least this long go to node:crypto (default 2048 bytes). */
  igeThreshold?: number;
  /** seal/open of messages at least this long use node:crypto for hashing and IGE encryption (default 4096 bytes). */
  sealThreshold?: number;
  /** Route AES-CTR streams to node:crypto (default true). */
  nodeCtr?: boolean;
}

function nodeHash(algorithm: 'sha1' | 'sha256', data: HashInput): Uint8Array {
  return nativeHash(algorithm, data);
}

/** A 4-byte-aligned copy (or the array itself when it already is aligned), as 32-bit words. */
function words(bytes: Uint8Array): Int32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
}

/** IGE encryption through AES-256-CBC; see the module comment. */
export function igeEncryptViaCbc(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const n = data.length;
  if (key.length !== 32 || iv.length !== 32 || n % 16 !== 0) {
    throw new CryptoError('IGE needs a 32-byte key, a 32-byte iv and whole 16-byte blocks');
  }
  if (n === 0) return new Uint8Array(0);
  const x = words(data);
  const ivw = words(iv);
  const m = n >> 2;
  // w_1 = x_1; w_2 = x_2 ⊕ x_0 (x_0 = iv[16..32]); w_i = x_i ⊕ x_{i-2}. Word-wise.
  const w = new Int32Array(m);
  for (let i = 0; i < 4; i++) w[i] = x[i]!;
  for (let i = 4; i < 8 && i < m; i++) w[i] = x[i]! ^ ivw[i]!;
  for (let i = 8; i < m; i++) w[i] = x[i]! ^ x[i - 8]!;
  const z = words(aesCbcEncrypt(new Uint8Array(w.buffer), key, iv.subarray(0, 16)));
  // y_i = z_i ⊕ x_{i-1}, with x_0 = iv[16..32].
  const out = new Int32Array(m);
  for (let i = 0; i < 4; i++) out[i] = z[i]! ^ ivw[4 + i]!;
  for (let i = 4; i < m; i++) out[i] = z[i]! ^ x[i - 4]!;
  return new Uint8Array(out.buffer);
}

/** AES-256-CTR on OpenSSL, same contract as the WASM stream. */
class NodeCtr implements CtrCipher {
  private cipher: { update(data: Uint8Array): Uint8Array } | undefined;

  constructor(key: Uint8Array, iv: Uint8Array) {
    this.cipher = createAesCtr(key, iv);
    redact(this, 'CtrCipher');
  }

  process(data: Uint8Array): Uint8Array {
    if (!this.cipher) throw new CryptoError('CTR cipher used after dispose()');
    return this.cipher.update(data);
  }

  processInPlace(data: Uint8Array): void {
    data.set(this.process(data));
  }

  dispose(): void {
    this.cipher = undefined;
  }
}

/** WASM provider with node:crypto routes where OpenSSL wins. */
export class NodeCryptoProvider extends WasmCryptoProvider {
  override readonly engine: CryptoEngine = 'node';
  readonly hashThreshold: number;
  readonly igeThreshold: number;
  readonly sealThreshold: number;
  private readonly nodeCtr: boolean;

  constructor(base: WasmCryptoProvider, options: NodeProviderOptions) {
    super(base.wasm, options.random);
    this.hashThreshold = options.hashThreshold ?? 512;
    this.igeThreshold = options.igeThreshold ?? 2048;
    this.sealThreshold = options.sealThreshold ?? 4096;
    this.nodeCtr = options.nodeCtr ?? true;
  }

  override sha1(data: HashInput): Uint8Array {
    return totalLength(data) >= this.hashThreshold ? nodeHash('sha1', data) : super.sha1(data);
  }

  override sha256(data: HashInput): Uint8Array {
    return totalLength(data) >= this.hashThreshold ? nodeHash('sha256', data) : super.sha256(data);
  }

  override igeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
    return data.length >= this.igeThreshold ? igeEncryptViaCbc(data, key, iv) : super.igeEncrypt(data, key, iv);
  }

  override createCtr(key: Uint8Array, iv: Uint8Array): CtrCipher {
    if (!this.nodeCtr) return super.createCtr(key, iv);
    if (key.length !== 32) throw new CryptoError(`AES-256-CTR key must be 32 bytes, got ${key.length}`);
    if (iv.length !== 16) throw new CryptoError(`AES-256-CTR iv must be 16 bytes, got ${iv.length}`);
    return new NodeCtr(key, iv);
  }

  override loadAuthKey(key: Uint8Array): AuthKeyHandle {
    return new NodeAuthKey(super.loadAuthKey(key), key.slice(), this);
  }
}

/**
 * An auth key whose large messages are sealed/opened with OpenSSL doing the
 * hashing (and IGE encryption); small ones go through the one-call WASM path.
 */
class NodeAuthKey implements AuthKeyHandle {
  readonly id: Uint8Array;
  readonly idBigInt: bigint;

  constructor(
    private readonly wasm: AuthKeyHandle,
    private key: Uint8Array,
    private readonly provider: NodeCryptoProvider,
  ) {
    this.id = wasm.id;
    this.idBigInt = wasm.idBigInt;
    // Holds a copy of the key bytes (for the OpenSSL route): never print it.
    redact(this, 'AuthKeyHandle');
  }

  private kdf(msgKey: Uint8Array, x: number): { aesKey: Uint8Array; aesIv: Uint8Array } {
    const k = this.key;
    const a = nodeHash('sha256', [msgKey, k.subarray(x, x + 36)]);
    const b = nodeHash('sha256', [k.subarray(40 + x, 76 + x), msgKey]);
    const aesKey = new Uint8Array(32);
    aesKey.set(a.subarray(0, 8), 0);
    aesKey.set(b.subarray(8, 24), 8);
    aesKey.set(a.subarray(24, 32), 24);
    const aesIv = new Uint8Array(32);
    aesIv.set(b.subarray(0, 8), 0);
    aesIv.set(a.subarray(8, 24), 8);
    aesIv.set(b.subarray(24, 32), 24);
    return { aesKey, aesIv };
  }

  seal(plaintext: Uint8Array, x: 0 | 8, extraPadding = 0): Uint8Array {
    if (plaintext.length < this.provider.sealThreshold || !this.key.length) return this.wasm.seal(plaintext, x, extraPadding);
    checkX(x);
    const len = plaintext.length;
    const pad = paddingLength(len, extraPadding);
    const data = new Uint8Array(len + pad);
    data.set(plaintext);
    const padding = new Uint8Array(pad);
    this.provider.random(padding);
    data.set(padding, len);
    const msgKey = nodeHash('sha256', [this.key.subarray(88 + x, 120 + x), data]).subarray(8, 24);
    const { aesKey, aesIv } = this.kdf(msgKey, x);
    const out = new Uint8Array(24 + data.length);
    out.set(this.id, 0);
    out.set(msgKey, 8);
    out.set(igeEncryptViaCbc(data, aesKey, aesIv), 24);
    return out;
  }

  open(packet: Uint8Array, x: 0 | 8): Uint8Array {
    if (packet.length < this.provider.sealThreshold || !this.key.length) return this.wasm.open(packet, x);
    checkX(x);
    if ((packet.length - 24) % 16 !== 0) {
      throw new SecurityError('length', `encrypted message length ${packet.length} is not 24 + a positive multiple of 16`);
    }
    let diff = 0;
    for (let i = 0; i < 8; i++) diff |= packet[i]! ^ this.id[i]!;
    if (diff !== 0) throw new SecurityError('auth_key_id', 'auth_key_id of the message does not match the key');
    const msgKey = packet.slice(8, 24);
    const { aesKey, aesIv } = this.kdf(msgKey, x);
    const plain = this.provider.igeDecrypt(packet.subarray(24), aesKey, aesIv);
    const check = nodeHash('sha256', [this.key.subarray(88 + x, 120 + x), plain]).subarray(8, 24);
    if (!timingSafeEqual(check, msgKey)) {
      plain.fill(0);
      throw new SecurityError('msg_key', 'msg_key does not match the decrypted data');
    }
    return plain;
  }

  exportKey(): Uint8Array {
    return this.wasm.exportKey();
  }

  dispose(): void {
    this.key.fill(0);
    this.key = new Uint8Array(0);
    this.wasm.dispose();
  }
}

/** Creates the Node provider (WASM core + node:crypto routes). */
export async function createNodeProvider(options: NodeProviderOptions = {}): Promise<NodeCryptoProvider> {
  const wasm = await loadCryptoModule(options.simd);
  return new NodeCryptoProvider(new WasmCryptoProvider(wasm, options.random), options);
}
