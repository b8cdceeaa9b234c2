/**
 * MTProxy secrets as links and apps write them: 16 bytes (plain), `dd` +
 * 16 bytes (padded intermediate forced), or `ee` + 16 bytes + a domain
 * (fake-TLS, the domain goes in the ClientHello's SNI); as hex or as
 * base64url. https://core.telegram.org/mtproxy · https://github.com/TelegramMessenger/MTProxy
 */
import { redact } from '../../redact.js';
import { base64UrlEncode, decodeBase64Strict } from '../../wasm/base64.js';
import { ProxyError } from './proxy-error.js';

/** How a client talks to the proxy: see the module comment. */
export type MtproxyMode = 'plain' | 'dd' | 'ee';

/** A parsed MTProxy secret. Prints as `MtproxySecret [redacted]`. */
export interface MtproxySecret {
  readonly mode: MtproxyMode;
  /** The 16-byte key (obfuscated2 keys are SHA256(key material ‖ this); fake-TLS HMAC key). */
  readonly key: Uint8Array;
  /** With `ee`: the domain sent as SNI. */
  readonly domain?: string;
}

/** Longest SNI domain accepted in an `ee` secret (keeps the ClientHello under one 517-byte record). */
export const MAX_FAKE_TLS_DOMAIN = 182;

const utf8 = new TextEncoder();

/**
 * Parses a secret given as hex (32, 34 or more hex digits) or as base64url
 * (standard base64 is accepted too). Throws `ProxyError` (`malformed`) for
 * anything else; the message never repeats the secret.
 *
 * @example
 * ```ts
 * parseMtproxySecret('ee00112233445566778899aabbccddeeff6578616d706c652e636f6d');
 * // { mode: 'ee', key: <16 bytes>, domain: 'example.com' }
 * ```
 */
export function parseMtproxySecret(text: string): MtproxySecret {
  const s = text.trim();
  let bytes: Uint8Array | undefined;
  if (/^[0-9a-fA-F]+$/.test(s) && s.length % 2 === 0) {
    bytes = new Uint8Array(s.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 16);
  } else if (/^[A-Za-z0-9_\-+/]+=*$/.test(s)) {
    const r = decodeBase64Strict(s, 'either');
    bytes = typeof r === 'number' ? undefined : r;
  }
  if (!bytes) throw new ProxyError('mtproxy', 'malformed', 'the secret is neither hex nor base64url');
  return mtproxySecretFromBytes(bytes);
}

/** Reads a secret from its raw bytes (16; `dd` + 16; `ee` + 16 + domain). Throws `ProxyError`. */
export function mtproxySecretFromBytes(bytes: Uint8Array): MtproxySecret {
  if (bytes.length === 16) return makeSecret('plain', bytes.slice());
  if (bytes.length === 17 && bytes[0] === 0xdd) return makeSecret('dd', bytes.slice(1));
  if (bytes.length > 17 && bytes[0] === 0xee) {
    const domainBytes = bytes.subarray(17);
    let domain: string;
    try {
      domain = new TextDecoder('utf-8', { fatal: true }).decode(domainBytes);
    } catch {
      throw new ProxyError('mtproxy', 'malformed', 'the fake-TLS domain in the secret is not UTF-8');
    }
    if (domainBytes.length > MAX_FAKE_TLS_DOMAIN || !/^[A-Za-z0-9.-]+$/.test(domain)) {
      throw new ProxyError('mtproxy', 'malformed', `the fake-TLS domain must be a host name of 1..${MAX_FAKE_TLS_DOMAIN} bytes`);
    }
    return makeSecret('ee', bytes.slice(1, 17), domain);
  }
  throw new ProxyError(
    'mtproxy',
    'malformed',
    `a secret is 16 bytes, 0xdd + 16 bytes, or 0xee + 16 bytes + a domain; got ${bytes.length} bytes${bytes.length > 16 ? ` starting 0x${bytes[0]!.toString(16)}` : ''}`,
  );
}

/** Builds a secret from its parts (for servers and tests). Throws `ProxyError` for a bad key or domain. */
export function createMtproxySecret(mode: MtproxyMode, key: Uint8Array, domain?: string): MtproxySecret {
  if (key.length !== 16) throw new ProxyError('mtproxy', 'malformed', `the key is 16 bytes, got ${key.length}`);
  if (mode === 'ee') {
    const d = utf8.encode(domain ?? '');
    const all = new Uint8Array(17 + d.length);
    all[0] = 0xee;
    all.set(key, 1);
    all.set(d, 17);
    return mtproxySecretFromBytes(all);
  }
  return makeSecret(mode, key.slice());
}

/** The secret's bytes with its prefix (what links carry). */
export function mtproxySecretBytes(secret: MtproxySecret): Uint8Array {
  if (secret.mode === 'plain') return secret.key.slice();
  const domain = secret.mode === 'ee' ? utf8.encode(secret.domain ?? '') : new Uint8Array(0);
  const out = new Uint8Array(17 + domain.length);
  out[0] = secret.mode === 'dd' ? 0xdd : 0xee;
  out.set(secret.key, 1);
  out.set(domain, 17);
  return out;
}

/** The secret as links write it: hex (default) or base64url without padding. */
export function formatMtproxySecret(secret: MtproxySecret, encoding: 'hex' | 'base64url' = 'hex'): string {
  const bytes = mtproxySecretBytes(secret);
  if (encoding === 'hex') return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return base64UrlEncode(bytes);
}

function makeSecret(mode: MtproxyMode, key: Uint8Array, domain?: string): MtproxySecret {
  return redact(domain === undefined ? { mode, key } : { mode, key, domain }, 'MtproxySecret');
}
