/**
 * The lease of a file-backed session, shared between processes through two
 * files next to the session:
 *
 * - `<session>.lease` — the record `{ owner, expiresAt }`, replaced atomically;
 * - `<session>.lease.lock` — a short mutex (created with O_EXCL, removed after
 *   the read-check-write of the record), so two processes cannot both see the
 *   lease free and both take it.
 *
 * A lock file older than `staleLockMs` is a process that died inside the few
 * milliseconds of the critical section; it is broken.
 */
import { SessionError } from '../errors.js';
import type { StorageFileSystem } from './file-system.js';
import type { LeaseInfo } from './types.js';

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder();

/** Clock and waiting, injectable for tests. */
export interface LeaseClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The default clock: wall time and setTimeout. */
export const systemClock: LeaseClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Lease operations over one session path. */
export class FileLease {
  private readonly leasePath: string;
  private readonly lockPath: string;

  constructor(
    private readonly fs: StorageFileSystem,
    sessionPath: string,
    private readonly clock: LeaseClock = systemClock,
    /** How long to wait for the mutex before giving up. */
    private readonly lockTimeoutMs = 5000,
    /** A mutex older than this was left by a crashed process. */
    private readonly staleLockMs = 10_000,
  ) {
    this.leasePath = `${sessionPath}.lease`;
    this.lockPath = `${sessionPath}.lease.lock`;
  }

  /** The current record (possibly lapsed), or undefined. */
  async read(): Promise<LeaseInfo | undefined> {
    const data = await this.fs.readFile(this.leasePath);
    if (!data?.length) return undefined;
    try {
      const v = JSON.parse(decoder.decode(data)) as Partial<LeaseInfo>;
      if (typeof v.owner === 'string' && typeof v.expiresAt === 'number') return { owner: v.owner, expiresAt: v.expiresAt };
    } catch {}
    // A damaged lease record protects nothing; treat it as free rather than lock the session forever.
    return undefined;
  }

  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const deadline = this.clock.now() + this.lockTimeoutMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if (await this.fs.createExclusive(this.lockPath, encoder.encode(String(this.clock.now())))) break;
      const held = await this.fs.readFile(this.lockPath);
      const since = held?.length ? Number(decoder.decode(held)) : Number.NaN;
      if (Number.isFinite(since) && this.clock.now() - since > this.staleLockMs) {
        await this.fs.remove(this.lockPath);
        continue;
      }
      if (this.clock.now() >= deadline) throw new SessionError(`session lease is busy (lock file ${this.lockPath} held too long)`);
      await this.clock.sleep(wait);
    }
    try {
      return await fn();
    } finally {
      await this.fs.remove(this.lockPath);
    }
  }

  private async write(lease: LeaseInfo): Promise<LeaseInfo> {
    await this.fs.writeFileAtomic(this.leasePath, encoder.encode(JSON.stringify(lease)));
    return { ...lease };
  }

  async acquire(owner: string, ttlMs: number, takeOver: boolean): Promise<LeaseInfo> {
    return this.withLock(async () => {
      const now = this.clock.now();
      const cur = await this.read();
      if (cur && cur.owner !== owner && cur.expiresAt > now && !takeOver) throw leaseHeldError(cur);
      return this.write({ owner, expiresAt: now + ttlMs });
    });
  }

  async renew(owner: string, ttlMs: number): Promise<LeaseInfo> {
    return this.withLock(async () => {
      const cur = await this.read();
      // Still ours, or lapsed and nobody took it: extend. Taken by someone else: lost.
      if (cur && cur.owner !== owner) throw new SessionError(`session lease lost: now held by ${cur.owner}`);
      return this.write({ owner, expiresAt: this.clock.now() + ttlMs });
    });
  }

  async release(owner: string): Promise<void> {
    await this.withLock(async () => {
      const cur = await this.read();
      if (cur?.owner === owner) await this.fs.remove(this.leasePath);
    });
  }
}

/** The error a second process gets: who holds the session and until when. */
export function leaseHeldError(lease: LeaseInfo): SessionError {
  return new SessionError(
    `session is in use by ${lease.owner} (lease until ${new Date(lease.expiresAt).toISOString()}); ` +
      'two processes on one auth key end in AUTH_KEY_DUPLICATED — stop the other one or take over explicitly',
  );
}
