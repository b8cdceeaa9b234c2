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
export { FileStorage, type FileStorageOptions } from './file-storage.js';
export type { StorageFileSystem } from './file-system.js';
export { FileLease, type LeaseClock, leaseHeldError, systemClock } from './file-lease.js';
export { decodeSessionFile, encodeSessionFile, SESSION_FILE_MAGIC } from './snapshot-codec.js';
export { SessionFileError, type SessionFileProblem } from './session-file-error.js';
export { StringStorage } from './string-storage.js';
export { exportStringSession, STRING_SESSION_PREFIX, STRING_SESSION_VERSION } from './string-session.js';
export { type ImportedStringSession, importStringSession, readStringSession, type StringSessionFormat } from './import-session.js';
export { AUTH_KEY_LENGTH, emptySnapshot, normalizePhone, normalizeUsername } from './state.js';
