/**
 * Scenes (wizards): multi-step flows whose position and data persist in a
 * {@link StateStorage}, so a bot restart in the middle of a sign-up goes on
 * at the same step. Generic over the handler context `C`; the dispatcher
 * (ts/dispatcher) routes an update to the active scene of its key before any
 * other handler sees it.
 *
 * A step runs when an update arrives while the scene is on it; the step
 * moves the wizard with `next()` / `back()` / `goto(i)` / `leave()`; without a
 * move it stays (e.g. to ask again after a bad answer). `data` carries what
 * the steps collected and is saved after every step. Entering a scene runs
 * its first step at once with the entering update (it usually asks the first
 * question and calls `next()`).
 */
import { SessionError } from '../errors.js';
import { decodeStateValue, encodeStateValue, MAX_STATE_BYTES } from './codec.js';
import type { StateStorage } from './storage.js';

/** What a step can do with its wizard. */
export interface WizardControls<D> {
  /** The scene's id. */
  readonly scene: string;
  /** The step being run (0-based). */
  readonly step: number;
  /** Data carried between steps; mutate it, it is saved after the step. */
  data: D;
  /** Go to the next step (leaving the scene after the last). */
  next(): void;
  /** Go back one step (stays at 0). */
  back(): void;
  /** Go to step `index`. */
  goto(index: number): void;
  /** Leave the scene after this step (its `onLeave` runs). */
  leave(): void;
}

/** One step of a wizard. */
export type WizardStep<C, D> = (ctx: C, wizard: WizardControls<D>) => unknown;

/** Options of {@link Wizard}. */
export interface WizardOptions<C, D> {
  /** Runs when the scene is left (by `leave()`, `next()` past the last step, or {@link SceneManager.leave} with a context). */
  onLeave?: (ctx: C, data: D) => unknown;
  /** TTL of the stored position (default: the manager's). */
  ttlMs?: number;
}

/**
 * A named multi-step flow.
 *
 * @example
 * ```ts
 * const signup = new Wizard<Ctx, { name?: string }>('signup', [
 *   async (ctx, w) => { await ctx.reply('Your name?'); w.next(); },
 *   async (ctx, w) => { w.data.name = ctx.text; await ctx.reply(`Hi ${w.data.name}`); w.leave(); },
 * ]);
 * ```
 */
export class Wizard<C, D extends object = Record<string, unknown>> {
  constructor(
    readonly id: string,
    readonly steps: readonly WizardStep<C, D>[],
    readonly options: WizardOptions<C, D> = {},
  ) {
    if (steps.length === 0) throw new SessionError(`scene "${id}" has no steps`);
  }
}

/** A scene's stored position. */
export interface ScenePosition<D = unknown> {
  scene: string;
  step: number;
  data: D;
}

/** Options of {@link SceneManager}. */
export interface SceneManagerOptions {
  /** Default TTL of stored positions (unset: none). */
  ttlMs?: number;
  /** Bound of one encoded position (default 64 KiB). */
  maxBytes?: number;
}

const PREFIX = 'scene:';

/**
 * Runs scenes for keys (from the dispatcher's key strategy).
 *
 * @example
 * ```ts
 * const scenes = new SceneManager<Ctx>(storage, [signup]);
 * await scenes.enter(key, 'signup', {}, ctx);   // runs step 0
 * if (await scenes.handle(key, ctx)) return;   // an active scene took the update
 * ```
 */
export class SceneManager<C> {
  // biome-ignore lint/suspicious/noExplicitAny: scenes of any data type share one manager
  private readonly scenes = new Map<string, Wizard<C, any>>();
  /** Keys with a step running, and its token; enter/leave replace the token so the running step does not save over their move. */
  private readonly running = new Map<string, object>();

  constructor(
    private readonly storage: StateStorage,
    // biome-ignore lint/suspicious/noExplicitAny: see above
    scenes: readonly Wizard<C, any>[] = [],
    private readonly options: SceneManagerOptions = {},
  ) {
    for (const s of scenes) this.register(s);
  }

  /** Adds a scene (ids are unique). */
  // biome-ignore lint/suspicious/noExplicitAny: see above
  register(scene: Wizard<C, any>): void {
    if (this.scenes.has(scene.id)) throw new SessionError(`scene "${scene.id}" is registered twice`);
    this.scenes.set(scene.id, scene);
  }

  /** The active scene of `key`, or undefined (a stored position of an unknown scene counts as none). */
  async current(key: string): Promise<ScenePosition | undefined> {
    const text = await this.storage.get(PREFIX + key);
    if (text === undefined) return undefined;
    const v = decodeStateValue(text) as Partial<ScenePosition> | null;
    if (v === null || typeof v !== 'object' || typeof v.scene !== 'string' || typeof v.step !== 'number' || typeof v.data !== 'object') {
      throw new SessionError('FSM storage: stored scene position has the wrong shape');
    }
    if (!this.scenes.has(v.scene)) return undefined;
    return v as ScenePosition;
  }

  /** Enters scene `id` at step 0 with `data`; with `ctx`, runs step 0 now. */
  async enter<D extends object>(key: string, id: string, data: D, ctx?: C): Promise<void> {
    const scene = this.scenes.get(id);
    if (!scene) throw new SessionError(`no scene "${id}"`);
    const pos: ScenePosition = { scene: id, step: 0, data };
    this.bump(key);
    if (ctx === undefined) await this.save(key, scene, pos);
    else await this.run(key, scene, pos, ctx);
  }

  /** Leaves the active scene of `key` (running its `onLeave` when `ctx` is given). */
  async leave(key: string, ctx?: C): Promise<void> {
    const pos = await this.current(key);
    this.bump(key);
    await this.storage.delete(PREFIX + key);
    if (pos && ctx !== undefined) await this.scenes.get(pos.scene)?.options.onLeave?.(ctx, pos.data);
  }

  /** Runs the active scene's current step for this update; false when `key` has no active scene. */
  async handle(key: string, ctx: C): Promise<boolean> {
    const pos = await this.current(key);
    if (!pos) return false;
    await this.run(key, this.scenes.get(pos.scene)!, pos, ctx);
    return true;
  }

  // biome-ignore lint/suspicious/noExplicitAny: see above
  private async run(key: string, scene: Wizard<C, any>, pos: ScenePosition, ctx: C): Promise<void> {
    const last = scene.steps.length - 1;
    let target = Math.min(Math.max(pos.step, 0), last);
    let leaving = false;
    const controls: WizardControls<unknown> = {
      scene: scene.id,
      step: target,
      data: pos.data,
      next: () => {
        if (target >= last) leaving = true;
        else target = controls.step + 1;
      },
      back: () => {
        target = Math.max(0, controls.step - 1);
      },
      goto: (index) => {
        if (!Number.isInteger(index) || index < 0 || index > last) throw new SessionError(`scene "${scene.id}" has no step ${index}`);
        target = index;
      },
      leave: () => {
        leaving = true;
      },
    };
    const token = {};
    this.running.set(key, token);
    let moved: boolean;
    try {
      await scene.steps[controls.step]!(ctx, controls);
    } finally {
      moved = this.running.get(key) !== token;
      if (!moved) this.running.delete(key);
    }
    if (moved) return; // the step entered or left a scene itself
    if (leaving) {
      await this.storage.delete(PREFIX + key);
      await scene.options.onLeave?.(ctx, controls.data);
    } else await this.save(key, scene, { scene: scene.id, step: target, data: controls.data });
  }

  private bump(key: string): void {
    if (this.running.has(key)) this.running.set(key, {});
  }

  // biome-ignore lint/suspicious/noExplicitAny: see above
  private async save(key: string, scene: Wizard<C, any>, pos: ScenePosition): Promise<void> {
    const ttlMs = scene.options.ttlMs ?? this.options.ttlMs;
    await this.storage.set(
      PREFIX + key,
      encodeStateValue(pos, this.options.maxBytes ?? MAX_STATE_BYTES),
      ttlMs === undefined ? undefined : { ttlMs },
    );
  }
}
