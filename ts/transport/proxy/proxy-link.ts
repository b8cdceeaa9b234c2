/**
 * Proxy links as Telegram apps share them, parsed into typed configs:
 * `tg://proxy?server=&port=&secret=` and `https://t.me/proxy?...` (MTProxy),
 * `tg://socks?server=&port=&user=&pass=` and `https://t.me/socks?...` (SOCKS5).
 * https://core.telegram.org/api/links#mtproxy-links · https://core.telegram.org/api/links#socks5-proxy-links
 */
import { redact } from '../../redact.js';
import { formatMtproxySecret, type MtproxySecret, parseMtproxySecret } from './mtproxy-secret.js';
import { ProxyError } from './proxy-error.js';

/** A SOCKS5 proxy. */
export interface Socks5ProxyConfig {
  type: 'socks5';
  host: string;
  port: number;
  username?: string;
  /** Secret: configs holding one print as `ProxyConfig [redacted]`. */
  password?: string;
}

/** An HTTP CONNECT proxy (no Telegram link form; built by hand). */
export interface HttpProxyConfig {
  type: 'http';
  host: string;
  port: number;
  username?: string;
  password?: string;
}

/** An MTProxy. */
export interface MtproxyConfig {
  type: 'mtproxy';
  host: string;
  port: number;
  secret: MtproxySecret;
}

/** Any proxy wasmgram can use. */
export type ProxyConfig = Socks5ProxyConfig | HttpProxyConfig | MtproxyConfig;

const T_ME_HOSTS = new Set(['t.me', 'telegram.me', 'telegram.dog', 'www.t.me', 'www.telegram.me']);

/**
 * Parses a proxy link. Throws `ProxyError` (`malformed`) naming what is
 * wrong (never repeating a secret or password). The result prints as
 * `ProxyConfig [redacted]` when it holds a secret or a password.
 *
 * @example
 * ```ts
 * parseProxyLink('tg://socks?server=127.0.0.1&port=1080&user=u&pass=p');
 * // { type: 'socks5', host: '127.0.0.1', port: 1080, username: 'u', password: 'p' }
 * parseProxyLink('https://t.me/proxy?server=proxy.example&port=443&secret=ee...');
 * // { type: 'mtproxy', host: 'proxy.example', port: 443, secret: { mode: 'ee', key, domain } }
 * ```
 */
export function parseProxyLink(link: string): ProxyConfig {
  const text = link.trim();
  const kind = linkKind(text);
  const query = text.slice(text.indexOf('?') + 1).split('#')[0]!;
  const params = new URLSearchParams(query);
  const bad = (what: string) => new ProxyError(kind === 'proxy' ? 'mtproxy' : 'socks5', 'malformed', `bad ${kind} link: ${what}`);
  const host = params.get('server')?.trim() ?? '';
  if (!host) throw bad('no server');
  if (!/^[A-Za-z0-9.\-:[\]]+$/.test(host)) throw bad('the server is not a host name or IP address');
  const portText = params.get('port') ?? '';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) throw bad('the port must be 1..65535');
  const port = Number(portText);
  const server = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (kind === 'proxy') {
    const secretText = params.get('secret');
    if (!secretText) throw bad('no secret');
    let secret: MtproxySecret;
    try {
      secret = parseMtproxySecret(secretText.replace(/ /g, '+'));
    } catch (e) {
      throw bad((e as Error).message.replace(/^mtproxy proxy: /, ''));
    }
    return redact({ type: 'mtproxy', host: server, port, secret }, 'ProxyConfig');
  }
  const user = params.get('user') ?? undefined;
  const pass = params.get('pass') ?? undefined;
  if ((user === undefined) !== (pass === undefined)) throw bad('user and pass come together');
  const config: Socks5ProxyConfig = { type: 'socks5', host: server, port };
  if (user !== undefined && pass !== undefined) {
    config.username = user;
    config.password = pass;
    return redact(config, 'ProxyConfig');
  }
  return config;
}

/** The link for a config (MTProxy and SOCKS5; `tg://` by default, or `https://t.me/`). */
export function formatProxyLink(config: Socks5ProxyConfig | MtproxyConfig, style: 'tg' | 't.me' = 'tg'): string {
  const base = style === 'tg' ? 'tg://' : 'https://t.me/';
  const server = config.host.includes(':') ? `[${config.host}]` : config.host;
  const params = new URLSearchParams({ server, port: String(config.port) });
  if (config.type === 'mtproxy') {
    params.set('secret', formatMtproxySecret(config.secret));
    return `${base}proxy?${params}`;
  }
  if (config.username !== undefined) params.set('user', config.username);
  if (config.password !== undefined) params.set('pass', config.password);
  return `${base}socks?${params}`;
}

function linkKind(text: string): 'proxy' | 'socks' {
  const tg = /^tg:(?:\/\/)?(proxy|socks)\?/i.exec(text);
  if (tg) return tg[1]!.toLowerCase() as 'proxy' | 'socks';
  const web = /^(?:https?:\/\/)?([^/?#]+)\/(proxy|socks)\?/i.exec(text);
  if (web && T_ME_HOSTS.has(web[1]!.toLowerCase())) return web[2]!.toLowerCase() as 'proxy' | 'socks';
  throw new ProxyError(
    'mtproxy',
    'malformed',
    'not a proxy link (expected tg://proxy?, tg://socks?, https://t.me/proxy? or https://t.me/socks?)',
  );
}
