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

/** Base class of every error wasmgram throws on purpose. */
export class WasmgramError extends Error {
  override name = 'WasmgramError';
}

/** A cryptographic primitive was called with arguments it cannot accept (bad key size, unaligned length, ...). */
export class CryptoError extends WasmgramError {
  override name = 'CryptoError';
}

/**
 * A protocol check failed: a value from the peer (or a crafted input) broke a
 * rule the MTProto spec requires us to enforce. The offending data must be
 * dropped; `check` names the rule.
 */
export class SecurityError extends WasmgramError {
  override name = 'SecurityError';
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
  constructor(message: string, readonly offset = -1) {
    super(offset >= 0 ? `${message} (at byte ${offset})` : message);
  }
}

/** The transport failed: a socket error, a framing error, or a transport-level error code such as -404 / -429. */
export class TransportError extends WasmgramError {
  override name = 'TransportError';
  constructor(message: string, readonly code?: number) {
    super(message);
  }
}

/** A session store could not be read or written (corrupt file, wrong version, I/O failure). */
export class SessionError extends WasmgramError {
  override name = 'SessionError';
}

/** An `rpc_error` returned by the server. `waitSeconds` is parsed from `FLOOD_WAIT_X` style messages. */
export class RpcError extends WasmgramError {
  override name = 'RpcError';
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
  constructor(message: string, readonly ms: number) {
    super(message);
  }
}
