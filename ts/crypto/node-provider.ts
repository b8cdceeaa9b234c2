/**
 * The Node.js `CryptoProvider` (platform adapter: the only ts/crypto file that
 * imports `node:*`). It is the WASM provider with two operations routed to
 * node:crypto where OpenSSL measurably wins on this platform (see bench/):
 *
 * - SHA-1/SHA-256 of inputs from `hashThreshold` bytes up (one-shot `crypto.hash`);
 * - AES-256-IGE *encryption* from `igeThreshold` bytes up, computed as one
 *   AES-256-CBC call (AES-NI) over a pre-XORed input: IGE's AES input for block
 *   i is x_i ⊕ y_{i-1} = x_i ⊕ z_{i-1} ⊕ x_{i-2} where z is the raw AES output,
 *   so CBC over w_i = x_i ⊕ x_{i-2} yields z, and y_i = z_i ⊕ x_{i-1}.
 *   IGE decryption has no such shortcut and stays in WASM.
 */
import nodeCrypto from 'node:crypto';
import type { CryptoEngine, HashInput } from './provider.js';
import { WasmCryptoProvider, type WasmProviderOptions } from './wasm-provider.js';
import { loadCryptoModule } from '../wasm/crypto-module.js';
import { CryptoError } from '../errors.js';

export interface NodeProviderOptions extends WasmProviderOptions {
  /** Hash inputs at least this long go to node:crypto (default 4096 bytes). */
  hashThreshold?: number;
  /** IGE encryptions at least this long go to node:crypto (default 1024 bytes). */
  igeThreshold?: number;
}

type OneShotHash = (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer;
const oneShot = (nodeCrypto as unknown as { hash?: OneShotHash }).hash;

function nodeHash(algorithm: 'sha1' | 'sha256', data: HashInput): Uint8Array {
  if (data instanceof Uint8Array && oneShot) return new Uint8Array(oneShot(algorithm, data, 'buffer'));
  const h = nodeCrypto.createHash(algorithm);
  if (data instanceof Uint8Array) h.update(data);
  else for (const part of data) h.update(part);
  return new Uint8Array(h.digest());
}

function hashLength(data: HashInput): number {
  if (data instanceof Uint8Array) return data.length;
  let n = 0;
  for (const p of data) n += p.length;
  return n;
}

/** IGE encryption through AES-256-CBC; see the module comment. */
export function igeEncryptViaCbc(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const n = data.length;
  if (key.length !== 32 || iv.length !== 32 || n % 16 !== 0) {
    throw new CryptoError('IGE needs a 32-byte key, a 32-byte iv and whole 16-byte blocks');
  }
  if (n === 0) return new Uint8Array(0);
  // w_1 = x_1; w_2 = x_2 ⊕ x_0 (x_0 = iv[16..32]); w_i = x_i ⊕ x_{i-2}.
  const w = new Uint8Array(n);
  w.set(data.subarray(0, 16));
  for (let i = 16; i < n; i++) {
    w[i] = data[i]! ^ (i < 32 ? iv[i]! : data[i - 32]!);
  }
  const cipher = nodeCrypto.createCipheriv('aes-256-cbc', key, iv.subarray(0, 16));
  cipher.setAutoPadding(false);
  const z = cipher.update(w);
  cipher.final();
  // y_i = z_i ⊕ x_{i-1}, with x_0 = iv[16..32].
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = z[i]! ^ (i < 16 ? iv[16 + i]! : data[i - 16]!);
  return out;
}

/** WASM provider with node:crypto routes for large hashes and large IGE encryption. */
export class NodeCryptoProvider extends WasmCryptoProvider {
  override readonly engine: CryptoEngine = 'node';
  readonly hashThreshold: number;
  readonly igeThreshold: number;

  constructor(base: WasmCryptoProvider, options: NodeProviderOptions) {
    super(base.wasm, options.random);
    this.hashThreshold = options.hashThreshold ?? 4096;
    this.igeThreshold = options.igeThreshold ?? 1024;
  }

  override sha1(data: HashInput): Uint8Array {
    return hashLength(data) >= this.hashThreshold ? nodeHash('sha1', data) : super.sha1(data);
  }

  override sha256(data: HashInput): Uint8Array {
    return hashLength(data) >= this.hashThreshold ? nodeHash('sha256', data) : super.sha256(data);
  }

  override igeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
    return data.length >= this.igeThreshold ? igeEncryptViaCbc(data, key, iv) : super.igeEncrypt(data, key, iv);
  }
}

/** Creates the Node provider (WASM core + node:crypto routes). */
export async function createNodeProvider(options: NodeProviderOptions = {}): Promise<NodeCryptoProvider> {
  const wasm = await loadCryptoModule(options.simd);
  return new NodeCryptoProvider(new WasmCryptoProvider(wasm, options.random), options);
}
