/**
 * What every implementation of the TL benchmark provides: for one operation
 * (`encode` or `decode`) on one case, a `run` closure to time and a way for
 * the correctness guard to look at what it produced. Each implementation
 * lives in its own file and is imported only by the process that needs it,
 * so a worker timing mtcute never loads wasmgram or GramJS.
 */
import type { CaseName } from './fixtures.js';

export const OPS = ['encode', 'decode'] as const;
export type Op = (typeof OPS)[number];

/** Names as written to tl.json (`impl`): npm package names for the peers. */
export const IMPLS = ['wasmgram', '@mtcute/tl-runtime', 'telegram', 'memcpy'] as const;
export type ImplName = (typeof IMPLS)[number];

/** Implementations whose speed is compared against ours (memcpy is a reference, not a peer). */
export const PEERS: readonly ImplName[] = ['@mtcute/tl-runtime', 'telegram'];

export interface Prepared {
  /** One operation; awaited per call when `async`. */
  run: () => unknown;
  async?: boolean;
  /** Encoded bytes this implementation writes (encode) or reads (decode). */
  size: number;
  /**
   * For the guard: turns what `run` returned into bytes (encode) or into a
   * plain object shaped like wasmgram's (decode; field names may be camelCase).
   */
  output: (result: unknown) => Promise<unknown> | unknown;
}

export interface Impl {
  name: ImplName;
  /** TL layer of the implementation's schema (GramJS ships an older one), or null where that means nothing. */
  layer: number | null;
  /** Sets up `op` on `c`, or says why this implementation cannot do it. */
  prepare(op: Op, c: CaseName): Promise<Prepared | { unsupported: string }>;
  /** Decodes bytes this implementation wrote, as a plain object (round-trip check of its own layer). */
  readBack?(c: CaseName, bytes: Uint8Array): Promise<unknown>;
}

export const isUnsupported = (p: Prepared | { unsupported: string }): p is { unsupported: string } => 'unsupported' in p;

/** Loads one implementation by name (each from its own module). */
export async function loadImpl(name: ImplName): Promise<Impl> {
  switch (name) {
    case 'wasmgram':
      return (await import('./wasmgram.js')).impl;
    case '@mtcute/tl-runtime':
      return (await import('./mtcute.js')).impl();
    case 'telegram':
      return (await import('./gramjs.js')).impl();
    case 'memcpy':
      return (await import('./memcpy.js')).impl;
  }
}

export function isImplName(s: string): s is ImplName {
  return (IMPLS as readonly string[]).includes(s);
}
