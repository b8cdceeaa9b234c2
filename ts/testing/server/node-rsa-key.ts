/**
 * The test server's RSA key pair on Node (node:crypto): generating one,
 * reading a private key PEM, and writing the public key as the PKCS#1
 * `-----BEGIN RSA PUBLIC KEY-----` PEM that Telegram clients take
 * (https://core.telegram.org/mtproto/auth_key). Node-only, like the server.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
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

/** A new 2048-bit key pair (takes ~0.1–1 s). */
export function generateServerKeyPair(): ServerKeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: RSA_BITS, publicExponent: 65537 });
  return fromJwk(privateKey.export({ format: 'jwk' }));
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
