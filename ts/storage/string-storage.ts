/**
 * A storage that starts from a string session and gives one back: the state
 * lives in memory (with the full peer cache while the process runs), and
 * `exportString()` produces the compact text to keep in an environment
 * variable or a secret manager.
 */
import { readStringSession } from './import-session.js';
import { SnapshotStorage } from './snapshot-storage.js';
import { exportStringSession } from './string-session.js';

/**
 * A `SessionStorage` backed by a string session (wasmgram's own, or one of
 * GramJS, Telethon, Pyrogram, mtcute: they are imported on `open()`).
 *
 * @example
 * ```ts
 * const storage = new StringStorage(process.env.TG_SESSION);
 * await storage.open();
 * // ... after login:
 * console.log('save this:', storage.exportString());
 * ```
 */
export class StringStorage extends SnapshotStorage {
  private readonly text: string | undefined;
  /** Called after changes with the new string (e.g. to write it back to a secret store); debounced by the caller. */
  private readonly onChange: ((session: string) => void) | undefined;

  constructor(text?: string, options: { onChange?: (session: string) => void } = {}) {
    super('StringStorage');
    this.text = text?.trim() || undefined;
    this.onChange = options.onChange;
  }

  protected async load(): Promise<void> {
    if (this.text) this.state.restore(readStringSession(this.text).snapshot);
  }
  protected changed(): void {}
  protected async persist(): Promise<void> {
    if (!this.onChange) return;
    const s = this.state.snapshot();
    if (s.homeDc !== undefined && s.keys.some((k) => k.dcId === s.homeDc && !k.media)) this.onChange(exportStringSession(s));
  }

  /** The current state as a wasmgram string session (throws `SessionError` before the first login). */
  exportString(): string {
    this.ensureOpen();
    return exportStringSession(this.state.snapshot());
  }
}
