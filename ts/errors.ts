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
 * catch (e) { if (e instanceof RpcError && e.code === 420) await sleep(e.waitSeconds! * 1000) }
 * ```
 */

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

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
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

/** A cryptographic primitive was called with arguments it cannot accept (bad key size, unaligned length, ...). */
export class CryptoError extends WasmgramError {
  override name = 'CryptoError';
  static override readonly kind: string = 'CryptoError';
}

/**
 * A protocol check failed: a value from the peer (or a crafted input) broke a
 * rule the MTProto spec requires us to enforce. The offending data must be
 * dropped; `check` names the rule.
 */
export class SecurityError extends WasmgramError {
  override name = 'SecurityError';
  static override readonly kind: string = 'SecurityError';
  constructor(
    /** Short machine-readable name of the failed rule, e.g. `msg_key`, `dh_prime`, `g_a_range`. */
    readonly check: string,
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

/** An `rpc_error` returned by the server. `waitSeconds` is parsed from `FLOOD_WAIT_X` style messages. */
export class RpcError extends WasmgramError {
  override name = 'RpcError';
  static override readonly kind: string = 'RpcError';
  /** The numeric suffix of messages like `FLOOD_WAIT_30`, `PHONE_MIGRATE_2` (otherwise undefined). */
  readonly value: number | undefined;
  constructor(
    readonly code: number,
    /** The error message as Telegram sends it, e.g. `FLOOD_WAIT_30`. */
    readonly text: string,
    /** The method that failed, when known. */
    readonly method?: string,
  ) {
    super(`${code} ${text}${method ? ` (in ${method})` : ''}`);
    const m = /_(\d+)$/.exec(text);
    this.value = m ? Number(m[1]) : undefined;
  }
  /** Seconds to wait for FLOOD_WAIT_X / SLOWMODE_WAIT_X / FLOOD_PREMIUM_WAIT_X, else undefined. */
  get waitSeconds(): number | undefined {
    return /(^|_)WAIT_\d+$/.test(this.text) ? this.value : undefined;
  }
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
