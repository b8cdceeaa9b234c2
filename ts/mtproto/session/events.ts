/**
 * What a session reports to its owner (the network layer) from `receive`
 * and `tick`. RPC results do not appear here: they settle the promise of
 * the request they answer.
 */
import type { SecurityError, TlError } from '../../errors.js';
import type { AnyTlObject, mt } from '../../tl/generated/types.js';

/** Everything the session can report. Switch on `type`. */
export type SessionEvent =
  /** A message that is not an answer or a service message: `Updates` and friends, for the update layer. */
  | { type: 'update'; update: AnyTlObject; msgId: bigint }
  /**
   * new_session_created (https://core.telegram.org/mtproto/service_messages#new-session-creation-notification):
   * the server (re)created the session; updates may have been lost, the owner should fetch the difference.
   */
  | { type: 'new_session'; firstMsgId: bigint; uniqueId: bigint; serverSalt: bigint }
  /** The server salt changed (bad_server_salt, new_session_created, a future salt came into force): persist it. */
  | { type: 'salt_changed'; salt: bigint }
  /** The time offset was corrected from a bad_msg_notification 16/17: persist it. */
  | { type: 'time_synced'; timeOffset: number }
  /** A pong arrived; `rttMs` when the ping was sent by this session. */
  | { type: 'pong'; pingId: bigint; rttMs: number | undefined }
  /** The server sent future_salts (stored and used by the session). */
  | { type: 'future_salts'; salts: mt.future_salt[] }
  /** No pong within the ping timeout: the connection is probably dead; reconnect. */
  | { type: 'ping_timeout' }
  /**
   * An incoming message failed a check and was dropped
   * (https://core.telegram.org/mtproto/security_guidelines#behavior-in-case-of-mismatch:
   * the owner may close and reopen the connection).
   */
  | { type: 'security_error'; error: SecurityError }
  /** A message passed the checks but its TL body could not be decoded (unknown constructor, newer layer...). */
  | { type: 'decode_error'; error: TlError; msgId: bigint }
  /** The session started over with a new session_id (seq_no could not be repaired, or `resetSession`). */
  | { type: 'session_reset'; sessionId: bigint; reason: string };
