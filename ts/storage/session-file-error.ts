/** The `SessionError` of stored formats (file, string sessions): it says which way the data is bad. */
import { SessionError } from '../errors.js';

/** Why stored data was refused: not ours, cut short, damaged, or written by a newer wasmgram. */
export type SessionFileProblem = 'foreign' | 'truncated' | 'corrupt' | 'newer';

/**
 * A `SessionError` with a machine-readable {@link SessionFileProblem}. The
 * message never quotes the data (it may hold a key).
 */
export class SessionFileError extends SessionError {
  override name = 'SessionFileError';
  static override readonly kind: string = 'SessionFileError';
  constructor(
    readonly problem: SessionFileProblem,
    message: string,
  ) {
    super(message);
  }
}
