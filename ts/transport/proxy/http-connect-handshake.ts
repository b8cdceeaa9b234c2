/**
 * The client side of an HTTP CONNECT tunnel as a sans-IO state machine
 * (RFC 9110 §9.3.6), with `Proxy-Authorization: Basic` (RFC 7617) when
 * credentials are given. https://www.rfc-editor.org/rfc/rfc9110#name-connect
 *
 * It buffers at most `MAX_RESPONSE_HEAD` bytes of the response head.
 */
import { base64Encode } from '../../wasm/base64.js';
import { type HandshakeStep, joinBytes, NO_BYTES, type ProxyHandshake } from './handshake.js';
import { ProxyError } from './proxy-error.js';

/** The longest response head (status line + headers) accepted, bytes. */
export const MAX_RESPONSE_HEAD = 16 * 1024;

/** Options of `createHttpConnectHandshake`. */
export interface HttpConnectHandshakeOptions {
  /** The target (a DC address). */
  host: string;
  port: number;
  /** Basic credentials; both or neither. */
  username?: string | undefined;
  password?: string | undefined;
}

const utf8 = new TextEncoder();
const latin1 = new TextDecoder('latin1');

/**
 * An HTTP CONNECT handshake. A 2xx status opens the tunnel; 407 (or 401, as
 * tinyproxy sends) is `auth-required`/`auth-failed`, 500/502/503/504
 * `unreachable`, anything else `refused`. Throws `ProxyError`.
 *
 * @example
 * ```ts
 * const hs = createHttpConnectHandshake({ host: '149.154.167.51', port: 443 });
 * socket.write(hs.start());
 * ```
 */
export function createHttpConnectHandshake(options: HttpConnectHandshakeOptions): ProxyHandshake {
  const { host, port, username, password } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ProxyError('http', 'refused', `bad target port ${port}`);
  if (/[\s/@]/.test(host) || host.length === 0) throw new ProxyError('http', 'refused', 'bad target host');
  const authority = `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
  const withAuth = username !== undefined || password !== undefined;
  if (withAuth && (username ?? '').includes(':')) throw new ProxyError('http', 'auth-failed', 'a Basic username cannot contain ":"');
  let buffer: Uint8Array = NO_BYTES;
  let done = false;

  return {
    start() {
      const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
      if (withAuth) lines.push(`Proxy-Authorization: Basic ${base64Encode(utf8.encode(`${username ?? ''}:${password ?? ''}`))}`);
      return utf8.encode(`${lines.join('\r\n')}\r\n\r\n`);
    },
    feed(chunk): HandshakeStep {
      if (done) throw new ProxyError('http', 'malformed', 'bytes fed after the handshake finished');
      buffer = joinBytes(buffer, chunk);
      const end = headEnd(buffer);
      if (end < 0) {
        if (buffer.length > MAX_RESPONSE_HEAD)
          throw new ProxyError('http', 'malformed', `response head longer than ${MAX_RESPONSE_HEAD} bytes`);
        return { send: NO_BYTES, done: false };
      }
      if (end > MAX_RESPONSE_HEAD) throw new ProxyError('http', 'malformed', `response head longer than ${MAX_RESPONSE_HEAD} bytes`);
      const head = latin1.decode(buffer.subarray(0, end));
      const status = /^HTTP\/1\.[01] (\d{3})(?: ([^\r\n]*))?\r\n/.exec(head);
      if (!status) throw new ProxyError('http', 'malformed', 'the response does not start with an HTTP/1.x status line');
      const code = Number(status[1]);
      const text = `HTTP ${code}${status[2] ? ` ${status[2]}` : ''}`;
      if (code >= 200 && code < 300) {
        done = true;
        const rest = buffer.subarray(end);
        buffer = NO_BYTES;
        return { send: NO_BYTES, done: true, rest };
      }
      // 407 is the standard answer; tinyproxy answers a CONNECT with 401.
      if (code === 407 || code === 401) throw new ProxyError('http', withAuth ? 'auth-failed' : 'auth-required', text);
      // 500 is what tinyproxy (and others) answer when the target refuses the connection.
      if (code === 500 || code === 502 || code === 503 || code === 504) throw new ProxyError('http', 'unreachable', text);
      throw new ProxyError('http', 'refused', text);
    },
  };
}

/** Index just past the blank line ending the head, or -1. */
function headEnd(b: Uint8Array): number {
  for (let i = 3; i < b.length; i++) {
    if (b[i] === 0x0a && b[i - 1] === 0x0d && b[i - 2] === 0x0a && b[i - 3] === 0x0d) return i + 1;
  }
  return -1;
}
