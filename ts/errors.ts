/**
 * The typed errors of wasmgram. Every failure a caller can act on is one of
 * these classes, so `instanceof` tells what went wrong without parsing text.
 *
 * This module sits below every layer (nothing here imports from the rest of
 * the library), so any layer may throw these.
 *
 * @example
 * ```ts
 * try { await client.invoke(req) }
 * catch (e) { if (RpcError.is(e, 'FLOOD_WAIT_%d')) await sleep(e.seconds! * 1000) }
 * ```
 */

import type { RpcErrorTemplate } from './rpc-error-catalog.js';

/** Brand shared by every copy of this module (see `WasmgramError[Symbol.hasInstance]`). */
const KINDS = Symbol.for('wasmgram.error.kinds');

/**
 * Base class of every error wasmgram throws on purpose.
 *
 * `instanceof` also recognises errors made by another copy of the library in
 * the same process (the ESM and the CJS build loaded side by side, or a
 * bundler's duplicate): every class carries a `kind`, every instance lists the
 * kinds of its class chain under a global symbol, and `instanceof` falls back
 * to that list. Kinds are explicit strings, so minified class names do not matter.
 */
export class WasmgramError extends Error {
  override name = 'WasmgramError';
  /** This class's kind (each subclass declares its own). */
  static readonly kind: string = 'WasmgramError';

  // `this` is the class `instanceof` was asked about (a subclass, usually), not WasmgramError itself.
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: must be the subclass being tested
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
    // biome-ignore lint/complexity/noThisInStatic: must be the subclass being tested
    return Array.isArray(kinds) && kinds.includes((this as unknown as typeof WasmgramError).kind);
  }

  /** The kinds of this error's class chain, most specific first. */
  get [KINDS](): string[] {
    const kinds: string[] = [];
    for (let c = this.constructor as { kind?: string } | null; c && typeof c.kind === 'string'; c = Object.getPrototypeOf(c)) {
      if (kinds[kinds.length - 1] !== c.kind) kinds.push(c.kind);
    }
    return kinds;
  }
}

/**
 * A caller passed a value the API cannot take: out of range, of the wrong
 * kind, or naming something that does not exist (`argument` names which).
 * The library's counterpart of `RangeError`/`TypeError`, so that every error
 * it throws is a `WasmgramError`.
 */
export class ArgumentError extends WasmgramError {
  override name = 'ArgumentError';
  static override readonly kind: string = 'ArgumentError';
  constructor(
    message: string,
    /** The parameter or option at fault, when one is. */
    readonly argument?: string,
  ) {
    super(message);
  }
}

/** A cryptographic primitive was called with arguments it cannot accept (bad key size, unaligned length, ...). */
export class CryptoError extends WasmgramError {
  override name = 'CryptoError';
  static override readonly kind: string = 'CryptoError';
}

/** The DH-style public values whose range is checked: `g_a`, `g_b` (the key exchange) and SRP's `A`, `B` (2FA). */
export type DhValueName = 'g_a' | 'g_b' | 'srp_A' | 'srp_B';

/**
 * The rules a {@link SecurityError} can name, grouped by where they are checked
 * (https://core.telegram.org/mtproto/security_guidelines).
 */
export type SecurityCheck =
  // Encrypted messages (ts/mtproto/session): https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
  | 'auth_key_id'
  | 'msg_key'
  | 'length'
  | 'message_length'
  | 'padding'
  | 'session_id'
  | 'msg_id_parity'
  | 'msg_id_time'
  | 'msg_id_replay'
  | 'container'
  // Plain messages (ts/mtproto/plain-message.ts)
  | 'plain_auth_key_id'
  | 'plain_length'
  // The auth key exchange (ts/mtproto/handshake, ts/crypto): https://core.telegram.org/mtproto/auth_key
  | 'unexpected_answer'
  | 'unexpected_request'
  | 'nonce'
  | 'server_nonce'
  | 'pq'
  | 'p_q'
  | 'pq_factorization'
  | 'p_q_inner_data'
  | 'rsa_fingerprint'
  | 'rsa_pad'
  | 'rsa_pad_hash'
  | 'server_dh_params_fail'
  | 'answer_length'
  | 'answer_padding'
  | 'answer_hash'
  | 'dc_id'
  | 'expires_in'
  | 'retry_id'
  | 'dh_g'
  | 'dh_g_subgroup'
  | 'dh_prime_size'
  | 'dh_prime_prime'
  | 'dh_prime_safe'
  | `${DhValueName}_range`
  | `${DhValueName}_safe_range`
  | 'new_nonce_hash'
  | 'new_nonce_hash1'
  | 'new_nonce_hash2'
  | 'new_nonce_hash3'
  | 'dh_gen_fail'
  | 'dh_gen_retry_limit'
  // Temporary key binding (ts/mtproto/bind-temp-auth-key.ts): https://core.telegram.org/method/auth.bindTempAuthKey
  | 'bind_length'
  | 'bind_msg_key'
  | 'bind_auth_key_id'
  | 'bind_inner'
  // 2FA SRP (ts/crypto/srp.ts): https://core.telegram.org/api/srp
  | 'srp_u'
  // CDN files (ts/client/methods/files/cdn-file-reader.ts): https://core.telegram.org/cdn
  | 'cdn_file_hash'
  | 'cdn_hash_missing';

/**
 * A protocol check failed: a value from the peer (or a crafted input) broke a
 * rule the MTProto spec requires us to enforce. The offending data must be
 * dropped; `check` names the rule.
 */
export class SecurityError extends WasmgramError {
  override name = 'SecurityError';
  static override readonly kind: string = 'SecurityError';
  constructor(
    /** Machine-readable name of the failed rule, e.g. `msg_key`, `dh_prime_safe`, `g_a_range`. */
    readonly check: SecurityCheck,
    message: string,
  ) {
    super(message);
  }
}

/** Malformed TL bytes or a value that cannot be serialized. `offset` is the byte position where decoding stopped. */
export class TlError extends WasmgramError {
  override name = 'TlError';
  static override readonly kind: string = 'TlError';
  constructor(
    message: string,
    readonly offset = -1,
  ) {
    super(offset >= 0 ? `${message} (at byte ${offset})` : message);
  }
}

/** The transport failed: a socket error, a framing error, or a transport-level error code such as -404 / -429. */
export class TransportError extends WasmgramError {
  override name = 'TransportError';
  static override readonly kind: string = 'TransportError';
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

/** A session store could not be read or written (corrupt file, wrong version, I/O failure). */
export class SessionError extends WasmgramError {
  override name = 'SessionError';
  static override readonly kind: string = 'SessionError';
}

/** Error names whose number is a wait in seconds (https://core.telegram.org/api/errors#420-flood). */
const WAIT_NAMES = new Set([
  'FLOOD_WAIT',
  'FLOOD_PREMIUM_WAIT',
  'SLOWMODE_WAIT',
  'FLOOD_TEST_PHONE_WAIT',
  '2FA_CONFIRM_WAIT',
  'TAKEOUT_INIT_DELAY',
]);
/** Error names whose number is a DC id (https://core.telegram.org/api/errors#303-see-other). */
const MIGRATE_NAMES = new Set(['PHONE_MIGRATE', 'USER_MIGRATE', 'NETWORK_MIGRATE', 'FILE_MIGRATE', 'STATS_MIGRATE']);
/** The number inside an error message: `_<digits>` followed by `_`, `MIN` or the end (`FLOOD_WAIT_30`, `FILE_PART_3_MISSING`, `..._WAIT_5MIN`). */
const NUMBER_IN_TEXT = /_(\d+)(?=_|MIN$|$)/;
/** Compiled `%d` patterns of {@link RpcError.is}. */
const patternCache = new Map<string, RegExp>();

/**
 * An `rpc_error` returned by the server (https://core.telegram.org/api/errors).
 *
 * Telegram puts a number inside some messages (`FLOOD_WAIT_30`,
 * `PHONE_MIGRATE_2`, `FILE_PART_3_MISSING`); the error keeps the raw
 * message (`text`), the message with the number taken out (`errorName`,
 * e.g. `FLOOD_WAIT`), the schema's form (`template`, e.g. `FLOOD_WAIT_%d`,
 * the keys of schema/errors.json), the number (`value`), and its meaning
 * where it has one: `seconds` for waits, `dcId` for migrations.
 *
 * @example
 * ```ts
 * try { await client.invoke(req) }
 * catch (e) {
 *   if (RpcError.is(e, 'FLOOD_WAIT_%d')) await sleep(e.seconds! * 1000);
 *   else if (RpcError.is(e, 'PHONE_CODE_INVALID')) askAgain();
 *   else throw e;
 * }
 * ```
 */
export class RpcError extends WasmgramError {
  override name = 'RpcError';
  static override readonly kind: string = 'RpcError';
  /** The number inside the message (`FLOOD_WAIT_30` → 30, `PHONE_MIGRATE_2` → 2), otherwise undefined. */
  readonly value: number | undefined;
  /** The message without its number and the `_` before it: `FLOOD_WAIT_30` → `FLOOD_WAIT`, `FILE_PART_3_MISSING` → `FILE_PART_MISSING`. */
  readonly errorName: string;
  /** The message with its number written `%d`, as schema/errors.json names errors: `FLOOD_WAIT_%d`. */
  readonly template: string;
  constructor(
    /** The error code: 303 see other, 400 bad request, 401 unauthorized, 403, 406, 420 flood, 500 (https://core.telegram.org/api/errors). */
    readonly code: number,
    /** The error message as Telegram sends it, e.g. `FLOOD_WAIT_30`. */
    readonly text: string,
    /** The method that failed, when known. */
    readonly method?: string,
  ) {
    super(`${code} ${text}${method ? ` (in ${method})` : ''}`);
    const m = NUMBER_IN_TEXT.exec(text);
    this.value = m ? Number(m[1]) : undefined;
    const rest = m ? text.slice(m.index + m[0].length) : '';
    this.errorName = m ? text.slice(0, m.index) + (rest === '' || rest.startsWith('_') ? rest : `_${rest}`) : text;
    this.template = m ? `${text.slice(0, m.index)}_%d${text.slice(m.index + m[0].length)}` : text;
  }

  /** Seconds to wait for FLOOD_WAIT_X, SLOWMODE_WAIT_X, FLOOD_PREMIUM_WAIT_X (and the other waits), else undefined. */
  get seconds(): number | undefined {
    return WAIT_NAMES.has(this.errorName) || /(^|_)WAIT$/.test(this.errorName) ? this.value : undefined;
  }

  /** Same as {@link RpcError.seconds} (older name). */
  get waitSeconds(): number | undefined {
    return this.seconds;
  }

  /** The DC to repeat the request on for `*_MIGRATE_X` (303), else undefined. */
  get dcId(): number | undefined {
    return MIGRATE_NAMES.has(this.errorName) ? this.value : undefined;
  }

  /**
   * True when `error` is an RpcError matching `pattern`, which is a message as
   * schema/errors.json names it (`FLOOD_WAIT_%d`, `PHONE_CODE_INVALID`; `%d`
   * stands for the number), a number-less name (`FLOOD_WAIT`), or a code
   * (`420`). Narrows `error` to RpcError.
   *
   * @example
   * ```ts
   * if (RpcError.is(e, 'SESSION_PASSWORD_NEEDED')) await checkPassword(client, password);
   * if (RpcError.is(e, 'FLOOD_WAIT_%d')) console.log(`wait ${e.seconds}s`);
   * ```
   */
  static is(error: unknown, pattern?: RpcErrorPattern | number): error is RpcError {
    if (!(error instanceof RpcError)) return false;
    if (pattern === undefined) return true;
    if (typeof pattern === 'number') return error.code === pattern;
    if (!pattern.includes('%d')) return error.text === pattern || error.errorName === pattern;
    let re = patternCache.get(pattern);
    if (!re) {
      re = new RegExp(`^${pattern.split('%d').map(escapeRegExp).join('\\d+')}$`);
      if (patternCache.size < 256) patternCache.set(pattern, re);
    }
    return re.test(error.text);
  }
}

/**
 * An error name {@link RpcError.is} accepts: every error of schema/errors.json
 * (with autocompletion and its description), or any other string (servers
 * add errors before the schema lists them).
 */
export type RpcErrorPattern = RpcErrorTemplate | (string & {});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A request or connection attempt did not finish in time. `ms` is the limit that was exceeded. */
export class TimeoutError extends WasmgramError {
  override name = 'TimeoutError';
  static override readonly kind: string = 'TimeoutError';
  constructor(
    message: string,
    readonly ms: number,
  ) {
    super(message);
  }
}

/**
 * Malformed Markdown or HTML given to a formatting parser (`parseMarkdown`,
 * `parseHtml` with `onError: 'throw'`, the default).
 *
 * @example
 * ```ts
 * try { parseMarkdown('**bold') } catch (e) { if (e instanceof FormatError) console.log(e.reason, e.offset) } // unclosed 0
 * ```
 */
export class FormatError extends WasmgramError {
  override name = 'FormatError';
  static override readonly kind: string = 'FormatError';
  constructor(
    message: string,
    /** Which parser failed. */
    readonly format: 'markdown' | 'html',
    /** Why, as a machine-readable name (`unclosed`, `unexpected-close`, `unknown-tag`, `bad-attribute`, `bad-tag`). */
    readonly reason: 'unclosed' | 'unexpected-close' | 'unknown-tag' | 'bad-attribute' | 'bad-tag',
    /** Position in the input (UTF-16 code units) of the offending markup. */
    readonly offset: number,
  ) {
    super(message);
  }
}
