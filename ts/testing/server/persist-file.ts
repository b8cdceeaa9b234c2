/**
 * A test server's data directory on disk: `rsa-key.pem` (the server's RSA
 * private key, so clients keep trusting it) and `state.json` (the snapshot of
 * persist.ts: auth keys, logins, accounts, update state, ports). Both are
 * written atomically — temp file, fsync, rename, fsync of the directory — so a
 * crash leaves the old file or the new one, never half of one; both are mode
 * 600 in a mode 700 directory, as they hold secrets.
 *
 * Saving is coalesced: `markDirty()` (called by the stores on every change)
 * schedules one save a few milliseconds later; `flush()` saves now (the
 * server calls it on stop, before it forgets its keys).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { TelegramBackend } from '../telegram/index.js';
import type { KeyStore } from './key-store.js';
import { decodeSnapshot, encodeSnapshot, restoreSnapshot, type SavedPorts, type ServerSnapshot, takeSnapshot } from './persist.js';

/** Milliseconds between the first change and the save that covers it. */
const SAVE_DELAY_MS = 20;

/** The files of one data directory. */
export class ServerDataDir {
  /** Path of the snapshot file. */
  readonly stateFile: string;
  /** Path of the RSA private key. */
  readonly rsaKeyFile: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private source: (() => ServerSnapshot) | undefined;

  /** Opens (and creates, mode 700) the directory `dir`. */
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.stateFile = join(dir, 'state.json');
    this.rsaKeyFile = join(dir, 'rsa-key.pem');
  }

  /**
   * The kept snapshot, or undefined on first use.
   *
   * @throws SessionError when state.json exists but is not a snapshot this server can read
   */
  readState(): ServerSnapshot | undefined {
    if (!existsSync(this.stateFile)) return undefined;
    return decodeSnapshot(readFileSync(this.stateFile, 'utf8'), this.stateFile);
  }

  /** The kept RSA private key (PEM), or undefined on first use. */
  readRsaKey(): string | undefined {
    return existsSync(this.rsaKeyFile) ? readFileSync(this.rsaKeyFile, 'utf8') : undefined;
  }

  /** Keeps the RSA private key (PEM). */
  writeRsaKey(pem: string): void {
    this.writeAtomic(this.rsaKeyFile, pem);
  }

  /** Writes a snapshot now. */
  writeState(snapshot: ServerSnapshot): void {
    this.writeAtomic(this.stateFile, encodeSnapshot(snapshot));
  }

  /** Where `markDirty` and `flush` get the snapshot to save. */
  track(source: () => ServerSnapshot): void {
    this.source = source;
  }

  /** Something kept changed: one save follows shortly. */
  markDirty(): void {
    if (this.timer || !this.source) return;
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    // A pending save does not keep the process alive; stop() flushes it.
    this.timer.unref?.();
  }

  /** Saves now if anything is tracked, and cancels a pending save. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.source) this.writeState(this.source());
  }

  /** Stops saving (after a last `flush`). */
  close(): void {
    this.flush();
    this.source = undefined;
  }

  private writeAtomic(file: string, text: string): void {
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    // The rename itself is durable only once the directory is synced.
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}

/**
 * Opens `dir` for a starting server: the RSA key to use (the one given, else
 * the kept one, else `generate()`'s, which is then kept) and the kept snapshot.
 *
 * @throws SessionError when the kept state cannot be read
 */
export function openServerDataDir(
  dir: string,
  rsaKey: string | undefined,
  generate: () => string,
): { data: ServerDataDir; rsaKeyPem: string; snapshot: ServerSnapshot | undefined } {
  const data = new ServerDataDir(dir);
  const snapshot = data.readState();
  let rsaKeyPem = rsaKey ?? data.readRsaKey();
  if (rsaKeyPem === undefined) {
    rsaKeyPem = generate();
    data.writeRsaKey(rsaKeyPem);
  }
  return { data, rsaKeyPem, snapshot };
}

/**
 * Keeps a running server's state in `data` from now on: restores `snapshot`
 * into the fresh stores, saves once (ports and accounts), then after every
 * change of keys or logins.
 */
export function attachServerDataDir(
  data: ServerDataDir,
  snapshot: ServerSnapshot | undefined,
  backend: TelegramBackend,
  keyStores: ReadonlyMap<number, KeyStore>,
  ports: Readonly<Record<number, SavedPorts>>,
  now: number,
): void {
  if (snapshot) restoreSnapshot(snapshot, backend, keyStores, now);
  data.track(() => takeSnapshot(backend, keyStores, ports));
  const dirty = () => data.markDirty();
  backend.auth.onChange = dirty;
  for (const store of keyStores.values()) store.onChange = dirty;
  data.flush();
}
