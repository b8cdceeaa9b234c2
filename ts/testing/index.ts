/**
 * wasmgram/testing — run your client or bot against an MTProto server on
 * loopback instead of Telegram: `TestServer` (the protocol: key exchange,
 * encrypted sessions, every transport, fault injection) in front of
 * `TelegramBackend` (the in-memory Telegram: accounts, test-DC logins
 * `99966XYYYY` / code X five times, bots, config, updates), and
 * `FaultRelay` (a TCP relay that breaks connections on purpose) and
 * `MtproxyTestServer` (an MTProxy — plain, `dd`, fake-TLS `ee` — in front of
 * the test server's DCs). Node-only.
 *
 * @example
 * ```ts
 * import { TestServer } from 'wasmgram/testing';
 * const server = await TestServer.start({ dcs: [1, 2, 3] });
 * server.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
 * // connect a client to server.dc(2) with server.publicKeyPem ...
 * await server.stop();
 * ```
 */
export * from './server/index.js';
export {
  type AcceptMode,
  checkDirectionFaults,
  type DirectionFaults,
  FaultRelay,
  type FaultRelayOptions,
  type RelayDirection,
  type RelayStats,
} from './relay/index.js';
export * from './telegram/index.js';
export {
  type MessageFilter,
  refOfTarget,
  type ScriptedBotInput,
  type ScriptedSendOptions,
  ScriptedUser,
  type ScriptedUserInput,
  ScriptedWorld,
  type ScriptTarget,
} from './scripted/index.js';
export {
  callbackSink,
  formatTraceLine,
  jsonlSink,
  stderrTraceSink,
  textSink,
  traceFileSink,
  type TraceEventKind,
  type TraceOption,
  type TraceRecord,
  type TraceSink,
} from './trace/index.js';
export { type MtproxyStats, MtproxyTestServer, type MtproxyTestServerOptions, type MtproxyUpstream } from './mtproxy/index.js';
// The server's half of the MTProto pieces (they left wasmgram/mtproto): for
// tests that play the server by hand, and the RSA key type of TestServerOptions.
export {
  encodeRpcError,
  encodeRpcResult,
  openClientPacket,
  ServerHandshake,
  ServerSession,
  type OpenedClientPacket,
  type ServerHandshakeOptions,
  type ServerHandshakeOutput,
  type ServerOutgoing,
  type ServerRsaKey,
  type ServerSessionOptions,
} from '../mtproto/server-side.js';
