/**
 * Options of `TelegramClient`, with the defaults a user expects: memory
 * storage, Telegram's production DCs and keys, the default socket for the
 * runtime (TCP on Node/Deno/Bun, WebSocket in browsers), the `AutoSleep`
 * retry policy and a silent logger.
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { RsaPublicKey } from '../crypto/rsa.js';
import type { Logger } from '../logger.js';
import type { PoolConnectionOptions } from '../network/dc-pool.js';
import type { RetryPolicy } from '../network/retry-policy.js';
import type { DcAddress, SessionStorage } from '../storage/types.js';
import type { SocketFactory } from '../transport/socket.js';
import type { UpdatesOptions } from './updates/options.js';

/**
 * Where a `TestServer` (wasmgram/testing) listens and the key it signs
 * with. A running `TestServer` has exactly these fields, so
 * `testServer: server` works; in another process, pass the ports and key
 * the `wasmgram test-server` command prints.
 */
export interface TestServerTarget {
  /** Its DCs; `wsPort` (a running `TestServer` has it) lets `transport: 'auto'` race its WebSocket endpoint too. */
  readonly dcs: readonly { readonly id: number; readonly host: string; readonly port: number; readonly wsPort?: number | undefined }[];
  readonly rsaPublicKey: RsaPublicKey;
}

/** How the client describes itself in `initConnection` (https://core.telegram.org/method/initConnection). */
export interface DeviceInfo {
  deviceModel?: string;
  systemVersion?: string;
  appVersion?: string;
  systemLangCode?: string;
  langCode?: string;
  langPack?: string;
}

/** Options of `new TelegramClient(...)`. Only `apiId` and `apiHash` are required. */
export interface TelegramClientOptions {
  /** From https://my.telegram.org (any positive number and non-empty hash for the test server). */
  apiId: number;
  apiHash: string;
  /**
   * Where the session is kept: a `SessionStorage` (memory, file, libSQL, ...),
   * a wasmgram string session (`"wgAQ…"` from `exportSession()`: the client
   * starts from it and keeps changes in memory — export again to keep them),
   * or a file path (Node, Deno, Bun: the binary file backend). Default: memory.
   * Other libraries' string sessions: `new MemoryStorage(importStringSession(text))`
   * — see `importStringSession`.
   * A storage you pass is flushed on `close()` but stays open (you own it);
   * one the client made from a path is closed.
   */
  storage?: SessionStorage | string;
  /** Connect to a wasmgram `TestServer` instead of Telegram (offline examples and tests). */
  testServer?: TestServerTarget;
  /** Telegram's test DCs (https://core.telegram.org/api/auth#test-accounts) instead of production. */
  testMode?: boolean;
  /** Bootstrap DC list (default: production or test DCs, or `testServer`'s). */
  dcs?: readonly DcAddress[];
  /** The first home DC for a new session (default 2 when known, else the first DC). */
  defaultDc?: number;
  /** Server RSA keys (default: Telegram's, or `testServer`'s). */
  rsaKeys?: readonly RsaPublicKey[];
  /** Retry policy of every call (default `new AutoSleep()`); `invoke(..., { retry })` overrides it per call. */
  retry?: RetryPolicy;
  /** Where logs go (default silent). */
  logger?: Logger;
  /** Crypto engine (default `createCryptoProvider()`). */
  crypto?: CryptoProvider;
  /** Socket factory (default: the runtime's, see `createDefaultSocketFactory`). */
  sockets?: SocketFactory;
  /**
   * `'auto'`: for the first connection to each DC, race TCP with intermediate
   * framing, TCP with obfuscated2 and WebSocket (Telegram's
   * `wss://<name>.web.telegram.org/apiws`, or a `testServer`'s WebSocket
   * port), 100 ms apart; each must open and answer an unencrypted
   * `req_pq_multi` probe, so a network that accepts connections and then
   * drops them cannot win. The first to answer is kept, the others are
   * closed, and later connections to that DC use the kind that won (a DC
   * that stops answering on it is raced again). TCP takes part where the
   * runtime has it (`sockets` when given), WebSocket where the runtime has it.
   * Default: `sockets` with `connection.codec` / `connection.obfuscated`, no race.
   *
   * @example
   * ```ts
   * const client = new TelegramClient({ apiId, apiHash, transport: 'auto' });
   * ```
   */
  transport?: 'auto';
  /** initConnection fields. */
  device?: DeviceInfo;
  /** Settings of every connection (codec, obfuscation, PFS, reconnect, timeouts). */
  connection?: PoolConnectionOptions;
  /** Close transfer and other-DC connections idle this long, ms (default 60 000). */
  idleMs?: number;
  /**
   * The updates runner (catch-up, delivery guarantee, timeouts), or `false`
   * for none. It starts once signed in and something listens (`on('newMessage')`,
   * `updates()`, a bound `Dispatcher`, or `startUpdates()`).
   */
  updates?: UpdatesOptions | false;
}
