/**
 * Typed FSM states: a map from state name to the data that state carries,
 * checked by tsc. Nothing here touches storage; see state-handle.ts for the
 * typed accessor and storage.ts for where the values live.
 *
 * @example
 * ```ts
 * const states = defineStates<{ idle: {}; askName: {}; askAge: { name: string } }>();
 * await ctx.state.set('askAge', { name: 'Ann' });   // ok
 * await ctx.state.set('askAge', {});                 // tsc error: name is missing
 * await ctx.state.set('askAgee', { name: 'Ann' });   // tsc error: no such state
 * ```
 */

/** The shape of a state definition: state name → that state's data (a plain, JSON-like object). */
// biome-ignore lint/complexity/noBannedTypes: `{}` is how a user writes "a state without data"
export type StateMap = Record<string, {}>;

/** The names of the states of `M`. */
export type StateName<M extends StateMap> = keyof M & string;

/** One state of `M` with its data: `{ name: 'askAge'; data: { name: string } }`, a union over every state. */
export type StateRecord<M extends StateMap, K extends StateName<M> = StateName<M>> = {
  [N in K]: { readonly name: N; readonly data: M[N] };
}[K];

/**
 * A state definition at run time: its name list (optional; when given, a
 * stored state whose name is not in it is treated as no state, so renaming a
 * state after a deploy does not hand old data to a new handler).
 */
export interface StateDefinition<M extends StateMap> {
  /** Known state names, or undefined when any stored name is accepted. */
  readonly names: ReadonlySet<string> | undefined;
  /** Whether `name` is a state of this definition (always true without a name list). */
  has(name: string): name is StateName<M>;
}

/**
 * Declares the states of a bot. The type argument is the contract; the
 * optional name list adds a run-time check of stored names.
 *
 * @example
 * ```ts
 * type Signup = { askName: {}; askAge: { name: string } };
 * const signup = defineStates<Signup>(['askName', 'askAge']);
 * ```
 */
export function defineStates<M extends StateMap>(names?: readonly StateName<M>[]): StateDefinition<M> {
  const set = names ? new Set<string>(names) : undefined;
  return {
    names: set,
    has(name: string): name is StateName<M> {
      return set === undefined || set.has(name);
    },
  };
}
