/**
 * Filters: predicates on an update that also say, to tsc, what they prove.
 * `Filter<In, Mod, CtxMod>` accepts updates of type `In`; when it passes, the
 * handler sees the update as `In & Mod` and its context as `Context & CtxMod`
 * (a `command('start')` filter adds `ctx.command`, a `state('askAge')` filter
 * narrows `ctx.state.current`). `and` intersects what both sides prove, `or`
 * keeps what either proves (a union), `not` proves nothing.
 *
 * @example
 * ```ts
 * const admin = filter((m: MessageLike) => ADMINS.has(BigInt(m.sender?.id ?? 0)));
 * dp.on(and(command('ban'), admin, not(channel)), async (msg, ctx) => ctx.command.args);
 * ```
 */
import type { Context } from './context.js';

declare const FILTER_TYPES: unique symbol;

/**
 * A filter on updates of type `In`. `Mod` narrows the update and `CtxMod` the
 * handler's context when it passes. May be async (an FSM-state filter reads storage).
 */
export interface Filter<In, Mod = unknown, CtxMod = unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: filters see the context before its narrowing
  (update: In, ctx: Context<any, any>): boolean | Promise<boolean>;
  /** Type-level only: what a passing filter proves (never present at run time). */
  readonly [FILTER_TYPES]?: { mod: Mod; ctx: CtxMod };
}

/** The update type a filter accepts. */
// biome-ignore lint/suspicious/noExplicitAny: conditional-type inference
export type FilterIn<F> = F extends Filter<infer I, any, any> ? I : never;
/** What a filter proves about the update. */
// biome-ignore lint/suspicious/noExplicitAny: conditional-type inference
export type FilterMod<F> = F extends Filter<any, infer M, any> ? M : never;
/** What a filter proves about the context. */
// biome-ignore lint/suspicious/noExplicitAny: conditional-type inference
export type FilterCtx<F> = F extends Filter<any, any, infer C> ? C : never;

/**
 * Declares a filter from a predicate, stating what it proves (type arguments
 * only; nothing is checked at run time beyond the predicate).
 */
export function filter<In, Mod = unknown, CtxMod = unknown>(
  // biome-ignore lint/suspicious/noExplicitAny: see Filter
  predicate: (update: In, ctx: Context<any, any>) => boolean | Promise<boolean>,
): Filter<In, Mod, CtxMod> {
  return predicate as Filter<In, Mod, CtxMod>;
}

/** A filter from a TypeScript type guard: it narrows the update to `Out`. */
export function guard<In, Out extends In>(isOut: (update: In) => update is Out): Filter<In, Out> {
  return ((u: In) => isOut(u)) as Filter<In, Out>;
}

/** Matches updates whose `kind` is one of `kinds` (for dispatchers over a union `{ kind: ... }`). */
export function kind<K extends string>(...kinds: K[]): Filter<{ kind: string }, { kind: K }> {
  if (kinds.length === 1) {
    const only = kinds[0];
    return ((u: { kind: string }) => u.kind === only) as Filter<{ kind: string }, { kind: K }>;
  }
  const set = new Set<string>(kinds);
  return ((u: { kind: string }) => set.has(u.kind)) as Filter<{ kind: string }, { kind: K }>;
}

type AnyFilter = Filter<never, unknown, unknown>;

function isThenable(v: unknown): v is Promise<boolean> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/** Both filters pass (the second runs only when the first passed). */
export function and<I, M1, C1, M2, C2>(a: Filter<I, M1, C1>, b: Filter<I, M2, C2>): Filter<I, M1 & M2, C1 & C2>;
export function and<I, M1, C1, M2, C2, M3, C3>(
  a: Filter<I, M1, C1>,
  b: Filter<I, M2, C2>,
  c: Filter<I, M3, C3>,
): Filter<I, M1 & M2 & M3, C1 & C2 & C3>;
export function and<I, M1, C1, M2, C2, M3, C3, M4, C4>(
  a: Filter<I, M1, C1>,
  b: Filter<I, M2, C2>,
  c: Filter<I, M3, C3>,
  d: Filter<I, M4, C4>,
): Filter<I, M1 & M2 & M3 & M4, C1 & C2 & C3 & C4>;
export function and(...filters: AnyFilter[]): AnyFilter {
  const run = (u: never, ctx: Context<unknown>, i: number): boolean | Promise<boolean> => {
    for (; i < filters.length; i++) {
      const r = filters[i]!(u, ctx);
      if (isThenable(r)) {
        const next = i + 1;
        return r.then((ok) => (ok ? run(u, ctx, next) : false));
      }
      if (!r) return false;
    }
    return true;
  };
  return (u, ctx) => run(u, ctx, 0);
}

/** Either filter passes (the second runs only when the first failed). */
export function or<I, M1, C1, M2, C2>(a: Filter<I, M1, C1>, b: Filter<I, M2, C2>): Filter<I, M1 | M2, C1 | C2>;
export function or<I, M1, C1, M2, C2, M3, C3>(
  a: Filter<I, M1, C1>,
  b: Filter<I, M2, C2>,
  c: Filter<I, M3, C3>,
): Filter<I, M1 | M2 | M3, C1 | C2 | C3>;
export function or<I, M1, C1, M2, C2, M3, C3, M4, C4>(
  a: Filter<I, M1, C1>,
  b: Filter<I, M2, C2>,
  c: Filter<I, M3, C3>,
  d: Filter<I, M4, C4>,
): Filter<I, M1 | M2 | M3 | M4, C1 | C2 | C3 | C4>;
export function or(...filters: AnyFilter[]): AnyFilter {
  const run = (u: never, ctx: Context<unknown>, i: number): boolean | Promise<boolean> => {
    for (; i < filters.length; i++) {
      const r = filters[i]!(u, ctx);
      if (isThenable(r)) {
        const next = i + 1;
        return r.then((ok) => (ok ? true : run(u, ctx, next)));
      }
      if (r) return true;
    }
    return false;
  };
  return (u, ctx) => run(u, ctx, 0);
}

/** The filter fails. Proves nothing (a failed `text` filter does not make `text` absent in the types). */
export function not<I>(f: Filter<I, unknown, unknown>): Filter<I> {
  return ((u: I, ctx: Context<unknown>) => {
    const r = f(u, ctx);
    return isThenable(r) ? r.then((ok) => !ok) : !r;
  }) as Filter<I>;
}
