/**
 * One line of the protocol trace: a decrypted message (either way) or a
 * decision the server made. JSON-able as it is (one JSON object per line in
 * a trace file).
 */

/** What a `note` line records. */
export type TraceEventKind =
  /** A connection opened (`detail`: the transport once known) or closed. */
  | 'connect'
  | 'close'
  /** A key exchange finished (`detail`: inner-data variant and RSA scheme) or failed (why). */
  | 'key_exchange'
  /** A message was refused (bad_msg_notification / bad_server_salt; `detail`: code and rule). */
  | 'refused'
  /** A packet was dropped and the connection closed (`detail`: which check failed). */
  | 'drop'
  /** A transport error was sent (-404, injected faults). */
  | 'transport_error'
  /** Something a strict server would refuse was accepted (`detail`: which leniency and why). */
  | 'leniency'
  /** A query or answer was converted between layers (`layer`: the client's). */
  | 'layer'
  /** A msg_id seen before: answered from the cache, not run again. */
  | 'duplicate';

/** One trace line. Optional fields are left out when unknown. */
export interface TraceRecord {
  /** ISO 8601 time by the server's clock. */
  readonly time: string;
  readonly dc: number;
  /** Connection number, counted per server from 1. */
  readonly conn: number;
  /** `in`: a client message; `out`: a server message; `note`: a decision. */
  readonly dir: 'in' | 'out' | 'note';
  /** auth_key_id, 16 hex digits (big-endian reading of the wire bytes' long). */
  readonly authKeyId?: string;
  /** session_id, 16 hex digits. */
  readonly sessionId?: string;
  /** msg_id as a decimal string. */
  readonly msgId?: string;
  readonly seqNo?: number;
  /** TL name of the message body. */
  readonly name?: string;
  /** The message body (see tl-summary.ts: shortened, secrets redacted). */
  readonly tl?: unknown;
  /** The client's layer when it is not the server's. */
  readonly layer?: number;
  /** For `note` lines. */
  readonly event?: TraceEventKind;
  /** Human-readable reason of a `note`. */
  readonly detail?: string;
}

/** Where trace records go. */
export interface TraceSink {
  write(record: TraceRecord): void;
  /** Flushes and releases what the sink holds (called by `TestServer.stop`). */
  close?(): void;
}
