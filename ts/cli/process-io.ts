/**
 * The real process behind {@link CliIo}: stdout for results, stderr for
 * prompts and diagnostics (so `wasmgram login > session.txt` captures only
 * the session), and stdin for answers — read in raw mode without echo for
 * hidden answers on a terminal, or line by line when piped.
 */
import { createInterface } from 'node:readline';
import { WasmgramError } from '../errors.js';
import type { CliIo } from './io.js';

/** Answers piped on stdin, one per line, shared by every question. */
class LineQueue {
  private readonly lines: string[] = [];
  private readonly waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  private ended = false;
  private started = false;
  private rl: ReturnType<typeof createInterface> | undefined;

  /** Lets the process exit although stdin is still open. */
  close(): void {
    this.rl?.close();
    this.rl = undefined;
  }

  next(): Promise<string> {
    this.start();
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.reject(new WasmgramError('stdin ended before this question was answered'));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const rl = createInterface({ input: process.stdin, terminal: false });
    this.rl = rl;
    rl.on('line', (line) => {
      const w = this.waiting.shift();
      if (w) w.resolve(line);
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.ended = true;
      for (const w of this.waiting.splice(0)) w.reject(new WasmgramError('stdin ended before this question was answered'));
    });
  }
}

/** Reads one line from a terminal in raw mode, echoing `*`-free: nothing for hidden input, the characters otherwise. */
function readTerminalLine(hidden: boolean): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let text = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new WasmgramError('cancelled'));
        if (ch === '\u007f' || ch === '\b') {
          if (text.length > 0) {
            text = text.slice(0, -1);
            if (!hidden) process.stderr.write('\b \b');
          }
          continue;
        }
        text += ch;
        if (!hidden) process.stderr.write(ch);
      }
    };
    stdin.on('data', onData);
  });
}

/** The process's streams as a {@link CliIo}; `close()` lets go of stdin. */
export function processIo(): CliIo & { close(): void } {
  const queue = new LineQueue();
  return {
    close: () => queue.close(),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readAll: async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
      return new Uint8Array(Buffer.concat(chunks));
    },
    ask: async (question, options = {}) => {
      process.stderr.write(question);
      if (process.stdin.isTTY) return (await readTerminalLine(options.hidden ?? false)).trim();
      // Piped: the answer is not echoed, so end the prompt's line here.
      const line = await queue.next().finally(() => process.stderr.write('\n'));
      return line.trim();
    },
  };
}
