/**
 * The client side of a SOCKS5 CONNECT as a sans-IO state machine:
 * RFC 1928 (method negotiation, the CONNECT request and its reply) with
 * RFC 1929 username/password authentication.
 * https://www.rfc-editor.org/rfc/rfc1928 · https://www.rfc-editor.org/rfc/rfc1929
 *
 * The largest reply it buffers is a domain-name reply: 4 + 1 + 255 + 2 bytes.
 */
import { type HandshakeStep, joinBytes, NO_BYTES, type ProxyHandshake } from './handshake.js';
import { ProxyError } from './proxy-error.js';

/** Options of `createSocks5Handshake`. */
export interface Socks5HandshakeOptions {
  /** The target (a DC address): IPv4, IPv6 or a host name (≤ 255 bytes). */
  host: string;
  port: number;
  /** RFC 1929 credentials (1..255 bytes each, UTF-8); both or neither. */
  username?: string | undefined;
  password?: string | undefined;
}

const VERSION = 5;
const METHOD_NONE = 0x00;
const METHOD_USERPASS = 0x02;
const METHOD_REFUSED = 0xff;
const CMD_CONNECT = 0x01;
const ATYP_IPV4 = 0x01;
const ATYP_DOMAIN = 0x03;
const ATYP_IPV6 = 0x04;

/** RFC 1928 §6 reply codes, with what each means for the caller. */
const REPLIES: Record<number, { reason: 'refused' | 'unreachable'; text: string }> = {
  1: { reason: 'refused', text: 'general SOCKS server failure' },
  2: { reason: 'refused', text: 'connection not allowed by ruleset' },
  3: { reason: 'unreachable', text: 'network unreachable' },
  4: { reason: 'unreachable', text: 'host unreachable' },
  5: { reason: 'unreachable', text: 'connection refused by the target' },
  6: { reason: 'unreachable', text: 'TTL expired' },
  7: { reason: 'refused', text: 'command not supported' },
  8: { reason: 'refused', text: 'address type not supported' },
};

const utf8 = new TextEncoder();

/**
 * A SOCKS5 CONNECT handshake. Offers "no authentication" always and
 * username/password when credentials are given; the proxy picks.
 * Throws `ProxyError` (at creation for bad options, from `feed` for a refused
 * or malformed exchange).
 *
 * @example
 * ```ts
 * const hs = createSocks5Handshake({ host: '149.154.167.51', port: 443, username: 'u', password: 'p' });
 * socket.write(hs.start());
 * // on data: const step = hs.feed(chunk); socket.write(step.send); if (step.done) ...
 * ```
 */
export function createSocks5Handshake(options: Socks5HandshakeOptions): ProxyHandshake {
  const request = connectRequest(options.host, options.port);
  const auth = credentials(options.username, options.password);
  let state: 'method' | 'auth' | 'reply' | 'done' = 'method';
  let buffer: Uint8Array = NO_BYTES;

  const malformed = (text: string) => new ProxyError('socks5', 'malformed', text);

  /** Consumes `n` bytes from the buffer, or undefined when fewer have arrived. */
  const take = (n: number): Uint8Array | undefined => {
    if (buffer.length < n) return undefined;
    const head = buffer.subarray(0, n);
    buffer = buffer.subarray(n);
    return head;
  };

  return {
    start() {
      const methods = auth ? [METHOD_NONE, METHOD_USERPASS] : [METHOD_NONE];
      return Uint8Array.of(VERSION, methods.length, ...methods);
    },
    feed(chunk): HandshakeStep {
      if (state === 'done') throw malformed('bytes fed after the handshake finished');
      buffer = joinBytes(buffer, chunk);
      const out: Uint8Array[] = [];
      for (;;) {
        if (state === 'method') {
          const m = take(2);
          if (!m) break;
          if (m[0] !== VERSION) throw malformed(`method reply has version ${m[0]}, expected 5`);
          if (m[1] === METHOD_REFUSED) {
            throw new ProxyError('socks5', 'auth-required', auth ? 'no offered method was accepted' : 'the proxy requires authentication');
          }
          if (m[1] === METHOD_NONE) {
            out.push(request);
            state = 'reply';
          } else if (m[1] === METHOD_USERPASS && auth) {
            out.push(auth);
            state = 'auth';
          } else {
            throw malformed(`the proxy chose method 0x${m[1]!.toString(16)}, which was not offered`);
          }
        } else if (state === 'auth') {
          const a = take(2);
          if (!a) break;
          if (a[0] !== 0x01) throw malformed(`auth reply has version ${a[0]}, expected 1 (RFC 1929)`);
          if (a[1] !== 0x00) throw new ProxyError('socks5', 'auth-failed', 'username/password rejected');
          out.push(request);
          state = 'reply';
        } else {
          const need = replyLength(buffer);
          if (need === undefined || buffer.length < need) break;
          const r = take(need)!;
          if (r[0] !== VERSION) throw malformed(`reply has version ${r[0]}, expected 5`);
          if (r[1] !== 0) {
            const known = REPLIES[r[1]!];
            throw new ProxyError('socks5', known?.reason ?? 'refused', known?.text ?? `reply code ${r[1]}`);
          }
          if (r[2] !== 0) throw malformed('reserved byte of the reply is not 0');
          state = 'done';
          const rest = buffer;
          buffer = NO_BYTES;
          return { send: concatAll(out), done: true, rest };
        }
      }
      return { send: concatAll(out), done: false };
    },
  };
}

/** Length of the CONNECT reply from its first 5 bytes, or undefined when they have not arrived. */
function replyLength(b: Uint8Array): number | undefined {
  if (b.length < 5) return undefined;
  // A failure reply may carry any address type; its length still follows ATYP.
  switch (b[3]) {
    case ATYP_IPV4:
      return 4 + 4 + 2;
    case ATYP_IPV6:
      return 4 + 16 + 2;
    case ATYP_DOMAIN:
      return 4 + 1 + b[4]! + 2;
    default:
      if (b[1] !== 0 && b[0] === VERSION) {
        // Some servers send a short failure reply; report the failure itself.
        const known = REPLIES[b[1]!];
        throw new ProxyError('socks5', known?.reason ?? 'refused', known?.text ?? `reply code ${b[1]}`);
      }
      throw new ProxyError('socks5', 'malformed', `unknown address type ${b[3]} in the reply`);
  }
}

/** The CONNECT request for host:port (RFC 1928 §4). */
function connectRequest(host: string, port: number): Uint8Array {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ProxyError('socks5', 'refused', `bad target port ${port}`);
  let address: Uint8Array;
  let atyp: number;
  const v4 = parseIpv4(host);
  const v6 = v4 ? undefined : parseIpv6(host);
  if (v4) {
    atyp = ATYP_IPV4;
    address = v4;
  } else if (v6) {
    atyp = ATYP_IPV6;
    address = v6;
  } else {
    const name = utf8.encode(host);
    if (name.length < 1 || name.length > 255) throw new ProxyError('socks5', 'refused', 'target host name must be 1..255 bytes');
    atyp = ATYP_DOMAIN;
    address = joinBytes(Uint8Array.of(name.length), name);
  }
  const out = new Uint8Array(4 + address.length + 2);
  out.set([VERSION, CMD_CONNECT, 0x00, atyp]);
  out.set(address, 4);
  out[out.length - 2] = port >> 8;
  out[out.length - 1] = port & 0xff;
  return out;
}

/** The RFC 1929 sub-negotiation, or undefined without credentials. */
function credentials(username: string | undefined, password: string | undefined): Uint8Array | undefined {
  if (username === undefined && password === undefined) return undefined;
  const u = utf8.encode(username ?? '');
  const p = utf8.encode(password ?? '');
  if (u.length < 1 || u.length > 255 || p.length < 1 || p.length > 255) {
    throw new ProxyError('socks5', 'auth-failed', 'RFC 1929 username and password must each be 1..255 bytes');
  }
  const out = new Uint8Array(3 + u.length + p.length);
  out[0] = 0x01;
  out[1] = u.length;
  out.set(u, 2);
  out[2 + u.length] = p.length;
  out.set(p, 3 + u.length);
  return out;
}

/** Dotted-quad IPv4 to 4 bytes, or undefined. */
export function parseIpv4(host: string): Uint8Array | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? Uint8Array.from(bytes) : undefined;
}

/** IPv6 text (optionally in brackets, with `::` and a trailing IPv4) to 16 bytes, or undefined. */
export function parseIpv6(host: string): Uint8Array | undefined {
  let body = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!body.includes(':') || !/^[0-9a-fA-F:.]+$/.test(body)) return undefined;
  const tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  const last = body.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIpv4(last);
    if (!v4) return undefined;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const back = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const count = head.length + back.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const zeros = halves.length === 2 ? new Array<number>(8 - count).fill(0) : [];
  const words = [...head.map(hexWord), ...zeros, ...back.map(hexWord), ...tail];
  if (words.some((w) => Number.isNaN(w))) return undefined;
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

function hexWord(g: string): number {
  return /^[0-9a-fA-F]{1,4}$/.test(g) ? Number.parseInt(g, 16) : Number.NaN;
}

function concatAll(parts: Uint8Array[]): Uint8Array {
  let out: Uint8Array = NO_BYTES;
  for (const p of parts) out = joinBytes(out, p);
  return out;
}
