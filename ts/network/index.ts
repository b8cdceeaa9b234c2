/**
 * wasmgram/network — connections: a transport under an MTProto session, with
 * timers, reconnect (exponential backoff with jitter, give-up rounds), request
 * deadlines that cover connecting, and the careful -404 rule.
 */
export {
  type AuthKeyLost,
  Connection,
  type ConnectionEvents,
  type ConnectionOptions,
  type ConnectionState,
  type InvokeOptions,
  type StoredAuthKey,
} from './connection.js';
export { backoffDelay, type BackoffOptions } from './backoff.js';
export { AuthKeyLossDetector, type KeyLossVerdict } from './key-loss.js';
export { type ReconnectOptions, ReconnectPolicy, type ReconnectVerdict } from './reconnect-policy.js';
export { type KeyExchangeOptions, runKeyExchange } from './key-exchange.js';
