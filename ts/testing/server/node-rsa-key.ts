/**
 * The test server's RSA key pair on Node (node:crypto): generating one,
 * reading a private key PEM, and writing the public key as the PKCS#1
 * `-----BEGIN RSA PUBLIC KEY-----` PEM that Telegram clients take
 * (https://core.telegram.org/mtproto/auth_key). Node-only, like the server.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { rsaKeyFingerprint } from '../../crypto/rsa.js';
import type { ServerRsaKey } from '../../mtproto/server-side.js';
import { ArgumentError } from '../../errors.js';

/** A key pair in the forms the server and its users need. Secret: never log `privateKeyPem` or `rsaKey.d`. */
export interface ServerKeyPair {
  /** n, e, d for the key exchange. */
  readonly rsaKey: ServerRsaKey;
  /** The public key, PKCS#1 PEM. */
  readonly publicKeyPem: string;
  /** The private key, PKCS#1 PEM (to save and reuse). */
  readonly privateKeyPem: string;
}

/** The modulus size MTProto uses (RSA_PAD encrypts 256 bytes). */
export const RSA_BITS = 2048;

const toBase64Url = (v: bigint): string => {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
};
const fromBase64Url = (s: string): bigint => BigInt(`0x${Buffer.from(s, 'base64url').toString('hex') || '0'}`);

function fromJwk(jwk: JsonWebKey): ServerKeyPair {
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e || !jwk.d) throw new ArgumentError('not an RSA private key');
  const rsaKey = { n: fromBase64Url(jwk.n), e: fromBase64Url(jwk.e), d: fromBase64Url(jwk.d) };
  if (rsaKey.n.toString(2).length !== RSA_BITS) throw new ArgumentError(`the server RSA key must have a ${RSA_BITS}-bit modulus`);
  const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  return {
    rsaKey,
    publicKeyPem: createPublicKey(privateKey).export({ type: 'pkcs1', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

/**
 * A new 2048-bit key pair (takes ~0.1–1 s) whose fingerprint does not start
 * with a zero hex digit: mtcute 0.30 indexes keys by the zero-padded hex
 * fingerprint and looks them up unpadded, so it never finds such a key (1 in
 * 16 random keys) and reconnects until it gives up. Telegram's keys have no
 * leading zero; skipping those keys costs nothing and lets mtcute users test
 * against the server.
 */
export function generateServerKeyPair(): ServerKeyPair {
  for (;;) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: RSA_BITS, publicExponent: 65537 });
    const pair = fromJwk(privateKey.export({ format: 'jwk' }));
    const sha1 = (b: Uint8Array) => new Uint8Array(createHash('sha1').update(b).digest());
    if (rsaKeyFingerprint(pair.rsaKey, { sha1 }) >> 60n !== 0n) return pair;
  }
}

/** The key pair of a private key PEM (PKCS#1 `RSA PRIVATE KEY` or PKCS#8 `PRIVATE KEY`). */
export function serverKeyPairFromPem(pem: string): ServerKeyPair {
  return fromJwk(createPrivateKey(pem).export({ format: 'jwk' }));
}

/**
 * The key pair of the numbers `{ n, e, d }`. Node needs the CRT parameters
 * for a private key object, so the PEMs are built from the public half only
 * and `privateKeyPem` is empty.
 */
export function serverKeyPairFromNumbers(key: ServerRsaKey): ServerKeyPair {
  if (key.n.toString(2).length !== RSA_BITS) throw new ArgumentError(`the server RSA key must have a ${RSA_BITS}-bit modulus`);
  const publicKey = createPublicKey({ key: { kty: 'RSA', n: toBase64Url(key.n), e: toBase64Url(key.e) }, format: 'jwk' });
  return { rsaKey: key, publicKeyPem: publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(), privateKeyPem: '' };
}
