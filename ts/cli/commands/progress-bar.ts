/**
 * The progress line of `wasmgram download` / `upload`: on a terminal one
 * line redrawn in place with `\r` (at most ten times a second), elsewhere
 * (a pipe, a CI log) a plain line at every tenth of the way, so logs stay
 * short. Hand-written: no dependency for a bar.
 */

/** Where the bar draws: a writable text stream (stderr) and whether it is a terminal. */
export interface ProgressSink {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width in columns (default 80). */
  readonly columns?: number;
}

/** Bytes as `1.5 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/**
 * One transfer's progress.
 *
 * @example
 * ```ts
 * const bar = new ProgressBar(process.stderr, 'photo.jpg');
 * await client.downloadToFile(msg, 'photo.jpg', { onProgress: (done, total) => bar.update(done, total) });
 * bar.finish();
 * ```
 */
export class ProgressBar {
  private lastDraw = -Infinity;
  private lastTenth = -1;
  private readonly started: number;
  private done = 0;
  private total: number | undefined;
  private drawn = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Records `done` bytes of `total` (undefined while unknown) and redraws when due. */
  update(done: number, total: number | undefined): void {
    this.done = done;
    this.total = total;
    const t = this.now();
    if (this.sink.isTTY) {
      if (t - this.lastDraw < 100) return;
      this.lastDraw = t;
      this.drawTty();
      return;
    }
    if (total === undefined || total <= 0) return;
    const tenth = Math.min(10, Math.floor((done / total) * 10));
    if (tenth <= this.lastTenth || tenth === 10) return; // the last line comes from finish()
    this.lastTenth = tenth;
    this.sink.write(`${this.text()}\n`);
  }

  /** Draws the final state and ends the line. */
  finish(): void {
    if (this.total === undefined) this.total = this.done;
    if (this.sink.isTTY) {
      this.drawTty();
      this.sink.write('\n');
    } else this.sink.write(`${this.text()}\n`);
  }

  /** Ends a line left open on a terminal (before an error message). */
  abort(): void {
    if (this.sink.isTTY && this.drawn) this.sink.write('\n');
  }

  private drawTty(): void {
    const text = this.text();
    const width = Math.max(20, (this.sink.columns ?? 80) - 1);
    const barWidth = Math.min(30, width - text.length - 3);
    let line = text;
    if (barWidth >= 10 && this.total) {
      const filled = Math.round((Math.min(this.done, this.total) / this.total) * barWidth);
      line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${text}`;
    }
    // \r back to the line start, \x1b[K clears what a longer earlier line left.
    this.sink.write(`\r${line.slice(0, width)}\x1b[K`);
    this.drawn = true;
  }

  private text(): string {
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const rate = `${formatBytes(Math.round(this.done / seconds))}/s`;
    const total = this.total;
    const pct = total ? `${Math.floor((Math.min(this.done, total) / total) * 100)}% ` : '';
    return `${this.label} ${pct}${formatBytes(this.done)}${total !== undefined ? ` / ${formatBytes(total)}` : ''} ${rate}`;
  }
}
