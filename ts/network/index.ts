/**
 * wasmgram/network — connections: a transport under an MTProto session, with
 * timers, reconnect (exponential backoff with jitter, give-up rounds), request
 * deadlines that cover connecting, and the careful -404 rule; the DC pool;
 * retry policies.
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
export { DcPool, type DcPoolEvents, type DcPoolOptions, type PoolConnectionOptions, type PoolInvokeOptions } from './dc-pool.js';
export { raceTransports, type TransportCandidate, type TransportRaceOptions, type TransportRaceWinner } from './transport-race.js';
export { type AutoTransportOptions, createAutoTransports } from './auto-transport.js';
export { errorKind } from './give-up-error.js';
export { dcOptionsFromConfig, PRODUCTION_DCS, type PickDcOptions, pickDcAddress, TEST_DCS } from './dc-options.js';
export {
  AutoSleep,
  type AutoSleepOptions,
  CircuitBreaker,
  type CircuitBreakerOptions,
  CircuitOpenError,
  type CircuitState,
  ExponentialBackoff,
  type ExponentialBackoffOptions,
  floodWaitSeconds,
  GIVE_UP,
  invokeWithRetry,
  isTransientError,
  NoRetries,
  type RetryContext,
  type RetryDecision,
  type RetryPolicy,
  type RetryRunOptions,
  retryAfter,
  sleep,
  type UnitRandom,
} from './retry-policy.js';
