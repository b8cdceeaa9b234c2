/**
 * The server's half of the MTProto pieces — the key exchange's server steps
 * and driver, opening client packets, numbering and sealing server messages,
 * rpc_result bodies, opening a temp-key binding — for the project's test server
 * (ts/testing, published as `wasmgram/testing`) and for tests that play the
 * server. Deliberately not part of `wasmgram/mtproto`: a client never needs
 * them.
 */
export {
  answerReqPq,
  answerReqDhParams,
  answerSetClientDhParams,
  type KeyExchangeVariant,
  type ServerHandshakeOptions,
  type ServerRsaKey,
} from './handshake/server.js';
export { ServerHandshake, type ServerHandshakeOutput } from './handshake/driver.js';
export {
  encodeRpcError,
  encodeRpcResult,
  openClientPacket,
  ServerSession,
  type OpenedClientPacket,
  type ServerOutgoing,
  type ServerSessionOptions,
} from './session/server.js';
export { openBindTempAuthKeyMessage } from './bind-temp-auth-key.js';
