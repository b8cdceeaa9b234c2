/**
 * @mtcute/core needs an `ICryptoProvider`. Its Node one lives in @mtcute/node,
 * which is not installed here, so this builds the same composition from
 * @mtcute/core's exported `BaseCryptoProvider`: SHA-1/SHA-256 and HMAC through
 * node:crypto, AES-IGE through @mtcute/wasm, AES-CTR through node:crypto,
 * random bytes from `randomFillSync`, gzip through node:zlib. Shared by the
 * crypto and mtproto suites.
 */
import nodeCrypto from 'node:crypto';
import zlib from 'node:zlib';

type MtcuteWasm = typeof import('@mtcute/wasm');

export function mtcuteNodeCryptoProvider(Base: abstract new () => object, wasm: MtcuteWasm): object {
  class MtcuteNodeProvider extends Base {
    randomFill(buf: Uint8Array): void {
      nodeCrypto.randomFillSync(buf);
    }
    sha1(data: Uint8Array): Uint8Array {
      return nodeCrypto.createHash('sha1').update(data).digest();
    }
    sha256(data: Uint8Array): Uint8Array {
      return nodeCrypto.createHash('sha256').update(data).digest();
    }
    createAesIge(key: Uint8Array, iv: Uint8Array) {
      return {
        encrypt: (d: Uint8Array) => wasm.ige256Encrypt(d, key, iv),
        decrypt: (d: Uint8Array) => wasm.ige256Decrypt(d, key, iv),
      };
    }
    createAesCtr(key: Uint8Array, iv: Uint8Array) {
      const c = nodeCrypto.createCipheriv('aes-256-ctr', key, iv);
      return { process: (d: Uint8Array) => c.update(d) };
    }
    hmacSha256(data: Uint8Array, key: Uint8Array): Uint8Array {
      return nodeCrypto.createHmac('sha256', key).update(data).digest();
    }
    pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, keylen = 64, algo = 'sha512'): Uint8Array {
      return nodeCrypto.pbkdf2Sync(password, salt, iterations, keylen, algo);
    }
    /** The packed bytes, or null when they would exceed `maxSize` (then mtcute sends the query as is). */
    gzip(data: Uint8Array, maxSize: number): Uint8Array | null {
      try {
        return zlib.gzipSync(data, { maxOutputLength: Math.max(1, maxSize) });
      } catch {
        return null;
      }
    }
    gunzip(data: Uint8Array): Uint8Array {
      return zlib.gunzipSync(data);
    }
  }
  return new MtcuteNodeProvider();
}
