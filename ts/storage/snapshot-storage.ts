/**
 * The shared body of the blob backends (memory, file, string): the whole
 * state lives in one {@link SessionState}; a subclass decides what happens
 * after a change (`changed()`: nothing, a debounced file write, ...) and how
 * the state is loaded (`load()`).
 */
import { SessionError } from '../errors.js';
import { redact } from '../redact.js';
import { SessionState } from './state.js';
import type {
  CachedPeer,
  DcAddress,
  LeaseInfo,
  SessionSnapshot,
  SessionStorage,
  StoredAccount,
  StoredDcKey,
  UpdateState,
} from './types.js';

/** Base class of the storages that keep the whole state in memory and persist it as one value. */
export abstract class SnapshotStorage implements SessionStorage {
  /** The live state (subclasses serialize it). */
  protected readonly state = new SessionState();
  private opened = false;
  private closed = false;
  private lease: LeaseInfo | undefined;

  constructor(label: string) {
    redact(this, label);
  }

  /** Fills `this.state` from the backing store (nothing for memory). */
  protected abstract load(): Promise<void>;
  /** Called after every change (schedule a write, or nothing). */
  protected abstract changed(): void;
  /** Makes the state durable (nothing for memory). */
  protected abstract persist(): Promise<void>;

  async open(): Promise<void> {
    if (this.closed) throw new SessionError('storage is closed');
    if (this.opened) return;
    await this.load();
    this.opened = true;
  }

  /** Throws unless open() ran and close() did not. */
  protected ensureOpen(): void {
    if (this.closed) throw new SessionError('storage is closed');
    if (!this.opened) throw new SessionError('storage is not open: call open() first');
  }

  private touch(): void {
    this.changed();
  }

  async getHomeDc(): Promise<number | undefined> {
    this.ensureOpen();
    return this.state.homeDc;
  }
  async setHomeDc(dcId: number): Promise<void> {
    this.ensureOpen();
    if (!Number.isInteger(dcId) || dcId < 1 || dcId > 0xffff) throw new SessionError(`invalid home DC id ${dcId}`);
    this.state.homeDc = dcId;
    this.touch();
  }

  async getDcOptions(): Promise<DcAddress[]> {
    this.ensureOpen();
    return this.state.getDcOptions();
  }
  async setDcOptions(options: DcAddress[]): Promise<void> {
    this.ensureOpen();
    this.state.setDcOptions(options);
    this.touch();
  }

  async getAuthKey(dcId: number, media?: boolean): Promise<StoredDcKey | undefined> {
    this.ensureOpen();
    return this.state.getAuthKey(dcId, media);
  }
  async setAuthKey(dcId: number, key: StoredDcKey | undefined, media?: boolean): Promise<void> {
    this.ensureOpen();
    this.state.setAuthKey(dcId, key, media);
    this.touch();
  }

  async getAccount(): Promise<StoredAccount | undefined> {
    this.ensureOpen();
    return this.state.getAccount();
  }
  async setAccount(account: StoredAccount | undefined): Promise<void> {
    this.ensureOpen();
    this.state.setAccount(account);
    this.touch();
  }

  async getPeer(id: bigint): Promise<CachedPeer | undefined> {
    this.ensureOpen();
    return this.state.getPeer(id);
  }
  async getPeerByUsername(username: string): Promise<CachedPeer | undefined> {
    this.ensureOpen();
    return this.state.getPeerByUsername(username);
  }
  async getPeerByPhone(phone: string): Promise<CachedPeer | undefined> {
    this.ensureOpen();
    return this.state.getPeerByPhone(phone);
  }
  async putPeers(peers: readonly CachedPeer[]): Promise<void> {
    this.ensureOpen();
    if (this.state.putPeers(peers) > 0) this.touch();
  }

  async getUpdateState(): Promise<UpdateState | undefined> {
    this.ensureOpen();
    return this.state.getUpdateState();
  }
  async setUpdateState(state: UpdateState | undefined): Promise<void> {
    this.ensureOpen();
    this.state.setUpdateState(state);
    this.touch();
  }
  async getChannelPts(channelId: bigint): Promise<number | undefined> {
    this.ensureOpen();
    return this.state.channelPts.get(channelId);
  }
  async setChannelPts(channelId: bigint, pts: number | undefined): Promise<void> {
    this.ensureOpen();
    this.state.setChannelPts(channelId, pts);
    this.touch();
  }

  async snapshot(): Promise<SessionSnapshot> {
    this.ensureOpen();
    return this.state.snapshot();
  }
  async restore(snapshot: SessionSnapshot): Promise<void> {
    this.ensureOpen();
    this.state.restore(snapshot);
    this.touch();
  }

  /**
   * An in-process lease: enough to keep two clients of one process off one
   * storage object. Backends shared between processes (file) override it.
   */
  async acquireLease(owner: string, ttlMs: number, takeOver = false): Promise<LeaseInfo> {
    this.ensureOpen();
    const now = Date.now();
    if (this.lease && this.lease.owner !== owner && this.lease.expiresAt > now && !takeOver)
      throw new SessionError(`session is leased by ${this.lease.owner} until ${new Date(this.lease.expiresAt).toISOString()}`);
    this.lease = { owner, expiresAt: now + ttlMs };
    return { ...this.lease };
  }
  async renewLease(owner: string, ttlMs: number): Promise<LeaseInfo> {
    this.ensureOpen();
    if (!this.lease || this.lease.owner !== owner)
      throw new SessionError(`lease lost: ${this.lease ? `now held by ${this.lease.owner}` : 'not held'}`);
    this.lease = { owner, expiresAt: Date.now() + ttlMs };
    return { ...this.lease };
  }
  async releaseLease(owner: string): Promise<void> {
    if (this.lease?.owner === owner) this.lease = undefined;
  }

  async flush(): Promise<void> {
    if (!this.opened || this.closed) return;
    await this.persist();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.opened) await this.persist();
    this.lease = undefined;
    this.closed = true;
  }
}
