/**
 * wasmgram/mtproto — the sans-IO MTProto 2.0 protocol: the auth key
 * exchange (client side), the plain message envelope, msg_ids, and encrypted
 * sessions (the client state machine and the pieces both sides share). Bytes
 * and time in, bytes and events out; the network layer moves them. The
 * server's halves (for the test server) live in server-side.ts, behind
 * `wasmgram/testing`.
 *
 * - https://core.telegram.org/mtproto/auth_key
 * - https://core.telegram.org/mtproto/description
 * - https://core.telegram.org/mtproto/service_messages
 * - https://core.telegram.org/mtproto/service_messages_about_messages
 * - https://core.telegram.org/mtproto/security_guidelines
 */
export {
  ClientHandshake,
  finishKeyExchange,
  longFromBytes,
  requestDhParams,
  setClientDhParams,
  startKeyExchange,
  type AuthKeyResult,
  type ClientHandshakeOptions,
  type ClientHandshakeOutput,
  type ClientStep1State,
  type ClientStep2State,
  type ClientStep3State,
  type KeyExchangeOutcome,
  type KeyExchangeStep,
  type MsgIdSource,
} from './handshake/index.js';
export {
  DEFAULT_GZIP_THRESHOLD,
  DEFAULT_HTTP_WAIT,
  decodeContainer,
  ENVELOPE_HEADER_LENGTH,
  encodeContainer,
  encodeEnvelope,
  isContainer,
  isContentRelated,
  LAYER,
  MAX_CONTAINER_BYTES,
  MAX_CONTAINER_MESSAGES,
  maybeGzip,
  MtprotoSession,
  openEnvelope,
  parseEnvelope,
  readRpcResult,
  ReplayWindow,
  sealEnvelope,
  SeqNo,
  wrapWithInitConnection,
  type DecryptedMessage,
  type EnvelopeExpectations,
  type EnvelopeHeader,
  type HttpWaitOptions,
  type InitConnectionFields,
  type InnerMessage,
  type PendingRequestInfo,
  type PingOptions,
  type ReplayVerdict,
  type RequestHandle,
  type RpcResultParts,
  type SeenMessage,
  type SendOptions,
  type SessionEvent,
  type SessionOptions,
} from './session/index.js';
export { isClientMsgId, isServerMsgId, MsgIdGenerator, msgIdTime, msgIdTimeSkew, type MsgIdKind } from './msg-id.js';
export {
  decodePlainMessage,
  encodePlainMessage,
  PLAIN_HEADER_LENGTH,
  type DecodePlainOptions,
  type PlainMessage,
} from './plain-message.js';
export { MtprotoError, type MtprotoErrorReason } from './errors.js';
export { bindTempAuthKeyRequest, type BindTempAuthKeyParams, type BindTempAuthKeyRequest } from './bind-temp-auth-key.js';
