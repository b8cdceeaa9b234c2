/**
 * The context object of one update: the update, its chat and sender ids,
 * the FSM state accessor (`ctx.state`) and scene controls (`ctx.scene`) when
 * the dispatcher has a state storage, matches left by filters
 * (`ctx.command`, `ctx.match` after narrowing), and a scratch map for middleware.
 */
import { SessionError } from '../errors.js';
import type { SceneManager } from '../fsm/scenes.js';
import { StateHandle, type StateHandleOptions } from '../fsm/state-handle.js';
import type { StateMap } from '../fsm/states.js';
import type { StateStorage } from '../fsm/storage.js';

/** What the dispatcher shares with every context it makes. */
export interface ContextServices<M extends StateMap> {
  storage: StateStorage | undefined;
  stateOptions: StateHandleOptions<M>;
  // biome-ignore lint/suspicious/noExplicitAny: scenes run with any context
  scenes: SceneManager<any> | undefined;
}

/** Scene controls bound to this update's key (see ts/fsm/scenes.ts). */
export interface SceneControls {
  /** Enters scene `id` with `data` and runs its first step with this update. */
  enter(id: string, data?: object): Promise<void>;
  /** Leaves the active scene (its `onLeave` runs). */
  leave(): Promise<void>;
  /** The active scene's id, or undefined. */
  current(): Promise<string | undefined>;
}

/**
 * Per-update context.
 *
 * @example
 * ```ts
 * dp.on(command('start'), async (msg, ctx) => {
 *   await ctx.state.set('askName');
 *   ctx.command.args; // string[]
 * });
 * ```
 */
export class Context<U, M extends StateMap = StateMap> {
  private scratch: Map<string, unknown> | undefined;
  private stateHandle: StateHandle<M> | undefined;

  constructor(
    readonly update: U,
    /** Chat the update belongs to (ordering and state key), when it has one. */
    readonly chatId: bigint | undefined,
    /** User who caused it, when known. */
    readonly userId: bigint | undefined,
    /** Storage key of this update's FSM state (from the key strategy), or undefined. */
    readonly key: string | undefined,
    private readonly services: ContextServices<M> | undefined,
  ) {}

  /** Scratch space for middleware (timings, loaded users, ...); made on first use. */
  get data(): Map<string, unknown> {
    this.scratch ??= new Map();
    return this.scratch;
  }

  /** Whether a state storage is configured (then {@link state} works). */
  get hasState(): boolean {
    return this.services?.storage !== undefined;
  }

  /** The FSM state of this update's key; requires a dispatcher `storage`. */
  get state(): StateHandle<M> {
    if (!this.stateHandle) {
      const s = this.services;
      if (!s?.storage) throw new SessionError('no FSM storage: pass `storage` to the Dispatcher to use ctx.state');
      this.stateHandle = new StateHandle<M>(s.storage, this.key, s.stateOptions);
    }
    return this.stateHandle;
  }

  /** Scene controls; requires dispatcher `scenes`. */
  get scene(): SceneControls {
    const scenes = this.services?.scenes;
    if (!scenes) throw new SessionError('no scenes: pass `scenes` to the Dispatcher to use ctx.scene');
    const key = this.key;
    if (key === undefined) throw new SessionError('this update has no FSM key (no chat/user), so it cannot enter a scene');
    return {
      enter: (id, data = {}) => scenes.enter(key, id, data, this),
      leave: () => scenes.leave(key, this),
      current: async () => (await scenes.current(key))?.scene,
    };
  }
}
