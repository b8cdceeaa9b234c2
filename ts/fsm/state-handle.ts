/**
 * The typed accessor of one update's FSM state (`ctx.state` in handlers):
 * reads once per update and caches, writes through the storage. Names and
 * data shapes are checked by tsc against the {@link StateMap}.
 */
import { SessionError } from '../errors.js';
import { decodeStateValue, encodeStateValue, MAX_STATE_BYTES } from './codec.js';
import type { StateDefinition, StateMap, StateName, StateRecord } from './states.js';
import type { StateStorage } from './storage.js';

/** Options shared by the state and scene handles of a dispatcher. */
export interface StateHandleOptions<M extends StateMap> {
  /** Run-time name check (see {@link StateDefinition}). */
  definition?: StateDefinition<M>;
  /** Default TTL of states written without one (unset: no expiry). */
  ttlMs?: number;
  /** Bound of one encoded state (default {@link MAX_STATE_BYTES}). */
  maxBytes?: number;
}

/** The arguments of {@link StateHandle.set} after the name: data is optional for states whose data is `{}`. */
// biome-ignore lint/complexity/noBannedTypes: `{}` is "a state without data"
export type StateSetArgs<D> = {} extends D ? [data?: D, options?: { ttlMs?: number }] : [data: D, options?: { ttlMs?: number }];

/** Storage key prefix of FSM states (scenes use `scene:`). */
const PREFIX = 'fsm:';

/**
 * One update's FSM state.
 *
 * @example
 * ```ts
 * type S = { askName: {}; askAge: { name: string } };
 * const state = new StateHandle<S>(storage, 'c1:u1');
 * await state.set('askAge', { name: 'Ann' });
 * const s = await state.get(); // { name: 'askAge', data: { name: 'Ann' } } | undefined
 * if (s?.name === 'askAge') s.data.name; // string
 * ```
 */
export class StateHandle<M extends StateMap, Current = StateRecord<M> | undefined> {
  private cached: StateRecord<M> | undefined;
  private isLoaded = false;

  constructor(
    private readonly storage: StateStorage,
    /** The storage key from the key strategy; undefined when the update has no owner (no state). */
    readonly key: string | undefined,
    private readonly options: StateHandleOptions<M> = {},
  ) {}

  /** Whether {@link get} has already read the storage for this update. */
  get loaded(): boolean {
    return this.isLoaded;
  }

  /**
   * The state as last read or written through this handle. The dispatcher
   * loads it before a handler runs, so in handlers it is current; a
   * `state('name')` filter narrows its type.
   */
  get current(): Current {
    if (!this.isLoaded) throw new SessionError('FSM state not loaded yet: await state.get() first');
    return this.cached as Current;
  }

  /** Reads the state (once per handle; later calls return the cached value). */
  async get(): Promise<StateRecord<M> | undefined> {
    if (this.isLoaded) return this.cached;
    this.cached = this.key === undefined ? undefined : this.parse(await this.storage.get(PREFIX + this.key));
    this.isLoaded = true;
    return this.cached;
  }

  /** Moves to state `name` with its data. */
  async set<K extends StateName<M>>(name: K, ...args: StateSetArgs<M[K]>): Promise<void> {
    const key = this.requireKey();
    const [data = {}, options] = args as [M[K] | undefined, { ttlMs?: number } | undefined];
    if (this.options.definition && !this.options.definition.has(name)) throw new SessionError(`unknown FSM state "${name}"`);
    const record = { name, data } as unknown as StateRecord<M>;
    const ttlMs = options?.ttlMs ?? this.options.ttlMs;
    await this.storage.set(
      PREFIX + key,
      encodeStateValue(record, this.options.maxBytes ?? MAX_STATE_BYTES),
      ttlMs === undefined ? undefined : { ttlMs },
    );
    this.cached = record;
    this.isLoaded = true;
  }

  /** Clears the state (back to "no state"). */
  async clear(): Promise<void> {
    if (this.key !== undefined) await this.storage.delete(PREFIX + this.key);
    this.cached = undefined;
    this.isLoaded = true;
  }

  private requireKey(): string {
    if (this.key === undefined) throw new SessionError('this update has no FSM state (no chat/user for the key strategy)');
    return this.key;
  }

  private parse(text: string | undefined): StateRecord<M> | undefined {
    if (text === undefined) return undefined;
    const v = decodeStateValue(text) as { name?: unknown; data?: unknown } | null;
    if (v === null || typeof v !== 'object' || typeof v.name !== 'string' || typeof v.data !== 'object' || v.data === null) {
      throw new SessionError('FSM storage: stored state has the wrong shape');
    }
    if (this.options.definition && !this.options.definition.has(v.name)) return undefined;
    return v as StateRecord<M>;
  }
}
