/**
 * The message of every web stub: what is missing and under which conditions,
 * so a user who bundled for the wrong target sees why.
 */

/** `"<what> is not available under the "browser", "workerd" and "worker" conditions of wasmgram"`. */
export function notAvailable(what: string): string {
  return `${what} is not available under the "browser", "workerd" and "worker" conditions of wasmgram`;
}
