/**
 * What every `wasmgram` command talks through: output, error lines, prompts
 * and the abort signal, injectable so commands run in-process in tests and
 * as a real process from the bin.
 */
import { WasmgramError } from '../errors.js';

/** Exit code: success. */
export const EXIT_OK = 0;
/** Exit code: the command ran and failed (network, bad session, wrong code...). */
export const EXIT_FAILURE = 1;
/** Exit code: the command line itself is wrong (unknown command or option, missing value). */
export const EXIT_USAGE = 2;

/** A wrong command line: printed with the command's usage, exit code 2. */
export class UsageError extends WasmgramError {
  static override readonly kind: string = 'UsageError';
}

/** How a command reads and writes; the defaults are the process's streams. */
export interface CliIo {
  /** A line of normal output (stdout). */
  out: (text: string) => void;
  /** A line of diagnostics (stderr). */
  err: (text: string) => void;
  /**
   * Asks a question and resolves with the answer line. `hidden`: do not echo
   * (passwords, codes). Rejects at end of input.
   */
  ask: (question: string, options?: { hidden?: boolean }) => Promise<string>;
  /** All of stdin as bytes (`tl decode -`). */
  readAll: () => Promise<Uint8Array>;
  /** Stops long-running commands (test-server, QR login). */
  signal?: AbortSignal;
}

/** Options callers of `main` may pass (all optional: the process's streams otherwise). */
export type CliOptions = Partial<CliIo>;
