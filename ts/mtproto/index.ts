/**
 * wasmgram/mtproto — the sans-IO MTProto 2.0 protocol: the auth key
 * exchange (both sides), the plain message envelope, msg_ids, and encrypted
 * sessions (client state machine and server helpers). Bytes and time in,
 * bytes and events out; the network layer moves them.
 *
 * - https://core.telegram.org/mtproto/auth_key
 * - https://core.telegram.org/mtproto/description
 * - https://core.telegram.org/mtproto/service_messages
 * - https://core.telegram.org/mtproto/service_messages_about_messages
 * - https://core.telegram.org/mtproto/security_guidelines
 */
export * from './handshake/index.js';
export * from './session/index.js';
export { isClientMsgId, isServerMsgId, MsgIdGenerator, msgIdTime, msgIdTimeSkew, type MsgIdKind } from './msg-id.js';
export {
  decodePlainMessage,
  encodePlainMessage,
  PLAIN_HEADER_LENGTH,
  type DecodePlainOptions,
  type PlainMessage,
} from './plain-message.js';
export { MtprotoError, type MtprotoErrorReason } from './errors.js';
export {
  bindTempAuthKeyRequest,
  openBindTempAuthKeyMessage,
  type BindTempAuthKeyParams,
  type BindTempAuthKeyRequest,
  type OpenedBindMessage,
} from './bind-temp-auth-key.js';
