/**
 * The OpenSSL route for modular exponentiation on Node — the platform adapter
 * behind {@link modExp} (ts/crypto/modexp.ts). Nothing else in ts/crypto
 * reaches node:crypto for big-number math.
 *
 * node:crypto has no modPow, but two of its operations are one:
 *
 * - **secret exponents** (DH's b, SRP's a, RSA's d): importing a PKCS#8 DH
 *   private key {p, g, x} makes OpenSSL derive the public key g^x mod p, with
 *   its constant-time exponentiation (`BN_FLG_CONSTTIME`). With g := base and
 *   x := exponent, exporting that public key gives base^exp mod p. Unlike
 *   `createDiffieHellman(p)`, importing runs no primality check on p (~180 ms
 *   for a 2048-bit prime), so any odd modulus works, prime or not.
 * - **short public exponents** (RSA's e): `publicEncrypt` with
 *   `RSA_NO_PADDING` is textbook RSA, m^e mod n.
 *
 * node:crypto is obtained with `process.getBuiltinModule` (Node ≥ 20.16), so
 * this file has no `import` of `node:*` and costs nothing in other runtimes:
 * {@link nodeModExpRoute} returns undefined outside Node (Deno and Bun are
 * excluded on purpose: their node:crypto emulation is not what was measured).
 */

import { concatBytes } from './bytes.js';
import { DER_TAG, derUnsignedInteger, expectDer } from './der.js';
import { base64UrlEncode } from '../wasm/base64.js';

/** The slice of node:crypto used here (structural, so no `node:` type import). */
interface NodeCryptoSubset {
  createPrivateKey(input: { key: Uint8Array; format: 'der'; type: 'pkcs8' }): unknown;
  createPublicKey(input: unknown): { export(options: { format: 'der'; type: 'spki' }): Uint8Array };
  diffieHellman(options: { privateKey: unknown; publicKey: unknown }): Uint8Array;
  publicEncrypt(key: { key: unknown; padding: number }, data: Uint8Array): Uint8Array;
  constants: { RSA_NO_PADDING: number };
}

/** Big-endian modular exponentiation on OpenSSL; each method throws when OpenSSL refuses the operands. */
export interface NodeModExpRoute {
  /** base^exp mod m with OpenSSL's constant-time exponentiation; exp > 0, m odd and ≥ 512 bits. */
  secret(base: Uint8Array, exp: Uint8Array, mod: Uint8Array): Uint8Array;
  /**
   * [base1^exp, base2^exp] mod m, cheaper than two {@link NodeModExpRoute.secret}
   * calls (DH's g^b and g_a^b): one key import yields base1^exp, a key
   * agreement with base2 as the peer's public value the other. Needs 1 < base2 < m − 1.
   */
  secretPair(base1: Uint8Array, base2: Uint8Array, exp: Uint8Array, mod: Uint8Array): [Uint8Array, Uint8Array];
  /** base^exp mod m as textbook RSA (variable time); m ≥ 512 bits, exp odd and > 1, base < m. */
  publicRsa(base: Uint8Array, exp: Uint8Array, mod: Uint8Array): Uint8Array;
}

// --- minimal DER writer (X.690 definite lengths) ---

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

function tlv(tag: number, ...body: Uint8Array[]): Uint8Array {
  const value = concatBytes(...body);
  return concatBytes(new Uint8Array([tag, ...derLength(value.length)]), value);
}

/** A non-negative INTEGER from big-endian bytes (shortest form, sign byte when needed). */
function derInteger(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const v = bytes.subarray(i);
  return v.length > 0 && (v[0]! & 0x80) !== 0 ? tlv(DER_TAG.INTEGER, new Uint8Array([0]), v) : tlv(DER_TAG.INTEGER, v);
}

/** dhKeyAgreement, 1.2.840.113549.1.3.1 (PKCS #3). */
const DH_OID = new Uint8Array([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x03, 0x01]);
const VERSION_0 = new Uint8Array([DER_TAG.INTEGER, 1, 0]);
const OCTET_STRING = 0x04;

/** PKCS#8 PrivateKeyInfo { version 0, AlgorithmIdentifier { dhKeyAgreement, DHParameter { p, g } }, OCTET STRING { INTEGER x } }. */
function dhPrivateKeyDer(p: Uint8Array, g: Uint8Array, x: Uint8Array): Uint8Array {
  const algorithm = tlv(DER_TAG.SEQUENCE, DH_OID, tlv(DER_TAG.SEQUENCE, derInteger(p), derInteger(g)));
  return tlv(DER_TAG.SEQUENCE, VERSION_0, algorithm, tlv(OCTET_STRING, derInteger(x)));
}

/** SubjectPublicKeyInfo { AlgorithmIdentifier { dhKeyAgreement, DHParameter { p, g } }, BIT STRING { INTEGER y } }. */
function dhPublicKeyDer(p: Uint8Array, g: Uint8Array, y: Uint8Array): Uint8Array {
  const algorithm = tlv(DER_TAG.SEQUENCE, DH_OID, tlv(DER_TAG.SEQUENCE, derInteger(p), derInteger(g)));
  return tlv(DER_TAG.SEQUENCE, algorithm, tlv(DER_TAG.BIT_STRING, new Uint8Array([0]), derInteger(y)));
}

/** The public value y of a DH SubjectPublicKeyInfo { AlgorithmIdentifier, BIT STRING { INTEGER y } }. */
function dhPublicValue(spki: Uint8Array): Uint8Array {
  const seq = expectDer(spki, 0, DER_TAG.SEQUENCE);
  const algorithm = expectDer(seq.value, 0, DER_TAG.SEQUENCE);
  const bits = expectDer(seq.value, algorithm.end, DER_TAG.BIT_STRING);
  return derUnsignedInteger(expectDer(bits.value, 1, DER_TAG.INTEGER).value);
}

function leftPad(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length === length) return bytes;
  const out = new Uint8Array(length);
  out.set(bytes.subarray(Math.max(0, bytes.length - length)), Math.max(0, length - bytes.length));
  return out;
}

function base64Url(bytes: Uint8Array): string {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return base64UrlEncode(bytes.subarray(i));
}

function createRoute(nodeCrypto: NodeCryptoSubset): NodeModExpRoute {
  // Public RSA keys are few (Telegram's and the test server's): cache their key objects.
  const rsaKeys = new Map<string, unknown>();
  return {
    secret(base, exp, mod) {
      const der = dhPrivateKeyDer(mod, base, exp);
      try {
        const key = nodeCrypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
        return leftPad(dhPublicValue(nodeCrypto.createPublicKey(key).export({ format: 'der', type: 'spki' })), mod.length);
      } finally {
        der.fill(0); // it holds the exponent
      }
    },
    secretPair(base1, base2, exp, mod) {
      const der = dhPrivateKeyDer(mod, base1, exp);
      try {
        const key = nodeCrypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
        const first = leftPad(dhPublicValue(nodeCrypto.createPublicKey(key).export({ format: 'der', type: 'spki' })), mod.length);
        const peer = nodeCrypto.createPublicKey({ key: dhPublicKeyDer(mod, base1, base2), format: 'der', type: 'spki' });
        return [first, leftPad(new Uint8Array(nodeCrypto.diffieHellman({ privateKey: key, publicKey: peer })), mod.length)];
      } finally {
        der.fill(0);
      }
    },
    publicRsa(base, exp, mod) {
      const id = `${base64Url(mod)}.${base64Url(exp)}`;
      let key = rsaKeys.get(id);
      if (key === undefined) {
        key = nodeCrypto.createPublicKey({ key: { kty: 'RSA', n: base64Url(mod), e: base64Url(exp) }, format: 'jwk' });
        if (rsaKeys.size >= 16) rsaKeys.clear();
        rsaKeys.set(id, key);
      }
      return new Uint8Array(nodeCrypto.publicEncrypt({ key, padding: nodeCrypto.constants.RSA_NO_PADDING }, base));
    },
  };
}

let route: NodeModExpRoute | null | undefined;

/** The OpenSSL route when running on Node (≥ 20.16), else undefined. Resolved once. */
export function nodeModExpRoute(): NodeModExpRoute | undefined {
  if (route === undefined) {
    route = null;
    // Sniffed, not a condition, on purpose: a condition would mean a static import of node:crypto (ts/platform/node/crypto.ts)
    // in the modexp chunk, loaded at `import 'wasmgram'` on Node; getBuiltinModule loads it at the first modExp.
    // Deno and Bun match the `node` condition and have process.versions.node, so they are told apart by name.
    const g = globalThis as {
      process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown };
      Deno?: unknown;
      Bun?: unknown;
    };
    const isNode = typeof g.process?.versions?.node === 'string' && g.Deno === undefined && g.Bun === undefined;
    const nodeCrypto = isNode ? (g.process?.getBuiltinModule?.('node:crypto') as NodeCryptoSubset | undefined) : undefined;
    if (nodeCrypto) route = createRoute(nodeCrypto);
  }
  return route ?? undefined;
}
