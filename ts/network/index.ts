/**
 * wasmgram/network — connections: a transport under an MTProto session, with
 * timers, reconnect (exponential backoff with jitter) and request timeouts.
 */
export {
  Connection,
  type ConnectionEvents,
  type ConnectionOptions,
  type ConnectionState,
  type InvokeOptions,
  type StoredAuthKey,
} from './connection.js';
export { backoffDelay, type BackoffOptions } from './backoff.js';
