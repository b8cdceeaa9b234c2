/**
 * The MTProto test server: a real server-side implementation of the
 * protocol on loopback (key exchange with its own RSA key, encrypted
 * sessions, every transport, fault injection) in front of the in-memory
 * Telegram. Node-only. See test-server.ts.
 */
export { TestServer, type DcEndpoint, type TestServerOptions } from './test-server.js';
export { ServerFaults, REORDER_TIMEOUT_MS } from './faults.js';
export type { ServerStats } from './dc-runtime.js';
export { DEFAULT_LIMITS, type LimitReason, type ResolvedLimits, type ServerLimits } from './limits.js';
export {
  generateServerKeyPair,
  RSA_BITS,
  serverKeyPairFromNumbers,
  serverKeyPairFromPem,
  type ServerKeyPair,
} from './node-rsa-key.js';
export { WEBSOCKET_PATH, WEBSOCKET_PROTOCOL, WEBSOCKET_TEST_PATH } from './node-listeners.js';
export { SALT_LIFETIME, SALT_STEP, MAX_FUTURE_SALTS } from './salts.js';
export { quickAckToken } from './quick-ack.js';
