/**
 * The in-process form of a stored session: one {@link SessionSnapshot}-shaped
 * value with the indexes the lookups need (username → id, phone → id).
 *
 * Blob backends (memory, file, string) keep one `SessionState` and write it
 * out whole; this module is where the rules of the interface live once
 * (copies in and out, the `min` peer rule, normalised usernames and phones).
 */
import { SessionError } from '../errors.js';
import { redact } from '../redact.js';
import {
  type CachedPeer,
  type DcAddress,
  type SessionSnapshot,
  STORAGE_VERSION,
  type StoredAccount,
  type StoredDcKey,
  type UpdateState,
} from './types.js';

/** Length of a permanent auth key (https://core.telegram.org/mtproto/auth_key). */
export const AUTH_KEY_LENGTH = 256;

/** Map key of one auth key: the main and the media key of one DC are kept apart. */
function keySlot(dcId: number, media: boolean | undefined): string {
  return media ? `${dcId}m` : `${dcId}`;
}

/** `@Name` → `name` (Telegram usernames are case-insensitive). */
export function normalizeUsername(username: string): string {
  return (username.startsWith('@') ? username.slice(1) : username).toLowerCase();
}

/** `+1 (555) 000` → `1555000`. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** A copy of `key` that prints as `[redacted]`. */
export function copyDcKey(key: StoredDcKey): StoredDcKey {
  const out: StoredDcKey = { dcId: key.dcId, authKey: key.authKey.slice() };
  if (key.serverSalt !== undefined) out.serverSalt = key.serverSalt;
  if (key.timeOffset !== undefined) out.timeOffset = key.timeOffset;
  if (key.media) out.media = true;
  return redact(out, 'StoredDcKey');
}

/** A copy of `peer` (usernames normalised, arrays not shared). */
function copyPeer(peer: CachedPeer): CachedPeer {
  const out: CachedPeer = { id: peer.id, kind: peer.kind, accessHash: peer.accessHash, min: peer.min, updatedAt: peer.updatedAt };
  if (peer.usernames?.length) out.usernames = peer.usernames.map(normalizeUsername);
  if (peer.phone) out.phone = normalizePhone(peer.phone);
  return out;
}

function copyDcAddress(a: DcAddress): DcAddress {
  const out: DcAddress = { ...a };
  if (a.secret) out.secret = a.secret.slice();
  return out;
}

/** An empty snapshot of the current version (printed as `[redacted]`). */
export function emptySnapshot(): SessionSnapshot {
  return redact({ version: STORAGE_VERSION, dcOptions: [], keys: [], channelPts: new Map(), peers: new Map() }, 'SessionSnapshot');
}

/** Checks a value handed to `restore()` before anything is replaced. */
export function checkSnapshot(s: SessionSnapshot): void {
  if (!s || typeof s !== 'object') throw new SessionError('restore: not a session snapshot');
  if (typeof s.version !== 'number' || !Number.isInteger(s.version) || s.version < 1)
    throw new SessionError('restore: snapshot has no valid version');
  if (s.version > STORAGE_VERSION)
    throw new SessionError(
      `restore: snapshot version ${s.version} is newer than this library supports (${STORAGE_VERSION}); upgrade wasmgram`,
    );
  if (!Array.isArray(s.keys) || !Array.isArray(s.dcOptions) || !(s.peers instanceof Map) || !(s.channelPts instanceof Map))
    throw new SessionError('restore: snapshot is missing keys, dcOptions, peers or channelPts');
  for (const k of s.keys) checkDcKey(k);
}

/** Rejects an auth key of the wrong shape (never echoes its bytes). */
export function checkDcKey(k: StoredDcKey): void {
  if (!k || !(k.authKey instanceof Uint8Array) || k.authKey.length !== AUTH_KEY_LENGTH)
    throw new SessionError(`auth key for DC ${k?.dcId} must be ${AUTH_KEY_LENGTH} bytes`);
  if (!Number.isInteger(k.dcId) || k.dcId < 1 || k.dcId > 0xffff) throw new SessionError('auth key has an invalid DC id');
}

/**
 * The mutable state behind the blob backends. Every getter returns a copy and
 * every setter stores one, so a caller cannot change stored data by mutating
 * what it holds.
 */
export class SessionState {
  homeDc: number | undefined;
  testMode: boolean | undefined;
  dcOptions: DcAddress[] = [];
  readonly keys = new Map<string, StoredDcKey>();
  account: StoredAccount | undefined;
  updateState: UpdateState | undefined;
  readonly channelPts = new Map<bigint, number>();
  readonly peers = new Map<bigint, CachedPeer>();
  private readonly byUsername = new Map<string, bigint>();
  private readonly byPhone = new Map<string, bigint>();

  constructor() {
    redact(this, 'SessionState');
  }

  getDcOptions(): DcAddress[] {
    return this.dcOptions.map(copyDcAddress);
  }
  setDcOptions(options: readonly DcAddress[]): void {
    this.dcOptions = options.map(copyDcAddress);
  }

  getAuthKey(dcId: number, media?: boolean): StoredDcKey | undefined {
    const k = this.keys.get(keySlot(dcId, media));
    return k && copyDcKey(k);
  }
  setAuthKey(dcId: number, key: StoredDcKey | undefined, media?: boolean): void {
    const slot = keySlot(dcId, media);
    if (!key) {
      this.keys.delete(slot);
      return;
    }
    const stored = copyDcKey({ ...key, dcId, media: !!media });
    checkDcKey(stored);
    this.keys.set(slot, stored);
  }

  getAccount(): StoredAccount | undefined {
    return this.account && { ...this.account };
  }
  setAccount(account: StoredAccount | undefined): void {
    this.account = account && { ...account };
  }

  getUpdateState(): UpdateState | undefined {
    return this.updateState && { ...this.updateState };
  }
  setUpdateState(state: UpdateState | undefined): void {
    this.updateState = state && { pts: state.pts, qts: state.qts, date: state.date, seq: state.seq };
  }

  setChannelPts(channelId: bigint, pts: number | undefined): void {
    if (pts === undefined) this.channelPts.delete(channelId);
    else this.channelPts.set(channelId, pts);
  }

  getPeer(id: bigint): CachedPeer | undefined {
    const p = this.peers.get(id);
    return p && copyPeer(p);
  }
  getPeerByUsername(username: string): CachedPeer | undefined {
    const id = this.byUsername.get(normalizeUsername(username));
    return id === undefined ? undefined : this.getPeer(id);
  }
  getPeerByPhone(phone: string): CachedPeer | undefined {
    const id = this.byPhone.get(normalizePhone(phone));
    return id === undefined ? undefined : this.getPeer(id);
  }

  /** Inserts or replaces; a `min` entry never replaces a non-min one (its hash is only valid in context). Returns how many changed. */
  putPeers(peers: readonly CachedPeer[]): number {
    let changed = 0;
    for (const p of peers) {
      const old = this.peers.get(p.id);
      if (old && p.min && !old.min) continue;
      if (old) this.unindex(old);
      const stored = copyPeer(p);
      this.peers.set(stored.id, stored);
      this.index(stored);
      changed++;
    }
    return changed;
  }

  private index(p: CachedPeer): void {
    for (const u of p.usernames ?? []) this.byUsername.set(u, p.id);
    if (p.phone) this.byPhone.set(p.phone, p.id);
  }
  private unindex(p: CachedPeer): void {
    for (const u of p.usernames ?? []) if (this.byUsername.get(u) === p.id) this.byUsername.delete(u);
    if (p.phone && this.byPhone.get(p.phone) === p.id) this.byPhone.delete(p.phone);
  }

  /** A deep copy of the whole state. */
  snapshot(): SessionSnapshot {
    const s = emptySnapshot();
    if (this.homeDc !== undefined) s.homeDc = this.homeDc;
    if (this.testMode) s.testMode = true;
    s.dcOptions = this.getDcOptions();
    s.keys = [...this.keys.values()].map(copyDcKey);
    const account = this.getAccount();
    if (account) s.account = account;
    const update = this.getUpdateState();
    if (update) s.updateState = update;
    for (const [id, pts] of this.channelPts) s.channelPts.set(id, pts);
    for (const [id, p] of this.peers) s.peers.set(id, copyPeer(p));
    return s;
  }

  /** Replaces everything with (a copy of) `s`, after checking it. */
  restore(s: SessionSnapshot): void {
    checkSnapshot(s);
    this.homeDc = s.homeDc;
    this.testMode = s.testMode || undefined;
    this.setDcOptions(s.dcOptions);
    this.keys.clear();
    for (const k of s.keys) this.setAuthKey(k.dcId, k, k.media);
    this.setAccount(s.account);
    this.setUpdateState(s.updateState);
    this.channelPts.clear();
    for (const [id, pts] of s.channelPts) this.channelPts.set(id, pts);
    this.peers.clear();
    this.byUsername.clear();
    this.byPhone.clear();
    this.putPeers([...s.peers.values()]);
  }
}
