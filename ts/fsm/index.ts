/**
 * ts/fsm: finite-state machines for bots — typed states, the
 * {@link StateStorage} interface with memory and Redis backends (libSQL:
 * `ts/fsm/libsql.ts`, its own entry because it loads `@libsql/client`), key
 * strategies, and scenes (multi-step wizards). The dispatcher (ts/dispatcher)
 * puts a {@link StateHandle} on every update's context.
 */
export { decodeStateValue, encodeStateValue, MAX_STATE_BYTES } from './codec.js';
export { type KeyStrategy, perChat, perUser, perUserInChat, perUserInThread, type StateKeyParts } from './key-strategy.js';
export { MemoryStateStorage, type MemoryStateStorageOptions } from './memory.js';
export { type NodeRedisLike, nodeRedisClient, type RedisClientLike, RedisStateStorage, type RedisStateStorageOptions } from './redis.js';
export {
  type ScenePosition,
  SceneManager,
  type SceneManagerOptions,
  Wizard,
  type WizardControls,
  type WizardOptions,
  type WizardStep,
} from './scenes.js';
export { StateHandle, type StateHandleOptions, type StateSetArgs } from './state-handle.js';
export { defineStates, type StateDefinition, type StateMap, type StateName, type StateRecord } from './states.js';
export type { StateSetOptions, StateStorage } from './storage.js';
