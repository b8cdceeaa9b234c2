/**
 * Stored sessions: what must survive a restart (auth keys, DC options, the
 * account, the peer cache, the update state) behind one {@link SessionStorage}
 * interface, with memory, file and string backends here and libSQL in its own
 * entry point (`wasmgram/storage/libsql`, so browsers never load a native module).
 */
export type {
  CachedPeer,
  DcAddress,
  LeaseInfo,
  PeerKind,
  SessionSnapshot,
  SessionStorage,
  StoredAccount,
  StoredDcKey,
  UpdateState,
} from './types.js';
export { STORAGE_VERSION } from './types.js';
export { MemoryStorage } from './memory.js';
export { SnapshotStorage } from './snapshot-storage.js';
export { AUTH_KEY_LENGTH, emptySnapshot, normalizePhone, normalizeUsername } from './state.js';
