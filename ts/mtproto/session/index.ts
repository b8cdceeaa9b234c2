/**
 * Encrypted MTProto sessions: the client state machine (`MtprotoSession`,
 * session.ts, over protocol.ts and the request bookkeeping) and the pieces
 * both sides share (envelope, containers, seq_no, replay window, rpc_result,
 * gzip, initConnection). The server's helpers (server.ts) are exported from
 * ../server-side.ts for the test server, not from here.
 */
export {
  MtprotoSession,
  type PendingRequestInfo,
  type PingOptions,
  type RequestHandle,
  type SendOptions,
  type SessionOptions,
} from './session.js';
export type { SessionEvent } from './events.js';
export { DEFAULT_HTTP_WAIT, type HttpWaitOptions } from './http-wait.js';
export {
  ENVELOPE_HEADER_LENGTH,
  encodeEnvelope,
  openEnvelope,
  parseEnvelope,
  sealEnvelope,
  type DecryptedMessage,
  type EnvelopeExpectations,
  type EnvelopeHeader,
} from './envelope.js';
export {
  decodeContainer,
  encodeContainer,
  isContainer,
  MAX_CONTAINER_BYTES,
  MAX_CONTAINER_MESSAGES,
  type InnerMessage,
} from './container.js';
export { isContentRelated, SeqNo } from './seq-no.js';
export { ReplayWindow, type ReplayVerdict, type SeenMessage } from './replay-window.js';
export { readRpcResult, type RpcResultParts } from './rpc-result.js';
export { DEFAULT_GZIP_THRESHOLD, maybeGzip } from './gzip.js';
export { LAYER, wrapWithInitConnection, type InitConnectionFields } from './init-connection.js';
