/**
 * A router: handlers in numbered groups, middleware around them, and child
 * routers — the unit a bot is split into files with. The dispatcher is the
 * root router.
 *
 * For each update: the router's filter (if any) must pass; its middleware
 * runs around the rest; then each group in ascending order runs **the first
 * handler whose filter passes** (a handler returning `Propagation.Continue`
 * lets the next handler of the group try); then the child routers in the
 * order they were included. `Propagation.Stop` from any handler ends the
 * update everywhere.
 */
import type { StateMap } from '../fsm/states.js';
import type { Context } from './context.js';
import type { Filter } from './filter.js';
import { type Middleware, runMiddleware } from './middleware.js';
import type { HandleResult } from './propagation.js';
import { ArgumentError } from '../errors.js';

/** A handler: gets the update (narrowed by its filter) and the context. Its return value may be a {@link Propagation} action. */
export type Handler<U, C> = (update: U, ctx: C) => unknown;

/** Called with an error a handler or middleware threw; return normally to treat the update as handled, throw to fail it. */
// biome-ignore lint/suspicious/noExplicitAny: errors are reported with the context of any update
export type ErrorHandler<U> = (error: unknown, ctx: Context<U, any>) => unknown;

/** Options of {@link Router.on}. */
export interface HandlerOptions {
  /** Handler group (default 0); lower groups run first. */
  group?: number;
}

interface Entry {
  // biome-ignore lint/suspicious/noExplicitAny: stored erased, typed at registration
  filter: Filter<any, any, any> | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  handler: Handler<any, any>;
}

/** A step of the walk over groups: a result now, or later. */
type Step = HandleResult | Promise<HandleResult>;

function isThenable(v: unknown): v is Promise<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/**
 * Handlers, middleware and child routers for updates of type `U` with FSM states `M`.
 *
 * @example
 * ```ts
 * const admin = new Router<Update, States>().filter(fromAdmins);
 * admin.on(command('ban'), ban);
 * dp.include(admin);
 * ```
 */
export class Router<U, M extends StateMap = StateMap> {
  private readonly groups = new Map<number, Entry[]>();
  private order: Entry[][] = [];
  private readonly middleware: Middleware<U, M>[] = [];
  private readonly children: Router<U, M>[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: see Entry
  private gate: Filter<any, any, any> | undefined;
  private errorHandler: ErrorHandler<U> | undefined;

  /** Adds a handler for updates passing `filter`. */
  on<Mod, C>(filter: Filter<U, Mod, C>, handler: Handler<U & Mod, Context<U & Mod, M> & C>, options?: HandlerOptions): this;
  /** Adds a handler for every update. */
  on(handler: Handler<U, Context<U, M>>, options?: HandlerOptions): this;
  // biome-ignore lint/suspicious/noExplicitAny: implementation signature
  on(a: any, b?: any, c?: any): this {
    const [filter, handler, options] =
      typeof b === 'function' ? [a, b, c as HandlerOptions | undefined] : [undefined, a, b as HandlerOptions | undefined];
    const group = options?.group ?? 0;
    let list = this.groups.get(group);
    if (!list) {
      list = [];
      this.groups.set(group, list);
      this.order = [...this.groups.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]);
    }
    list.push({ filter, handler });
    return this;
  }

  /** Adds middleware around this router's handlers and children. */
  use(middleware: Middleware<U, M>): this {
    this.middleware.push(middleware);
    return this;
  }

  /** Only updates passing `filter` enter this router (its middleware included). */
  filter(filter: Filter<U, unknown, unknown>): this {
    this.gate = filter;
    return this;
  }

  /** Adds a child router, run after this router's own groups. */
  include(child: Router<U, M>): this {
    if (child === this) throw new ArgumentError('a router cannot include itself');
    this.children.push(child);
    return this;
  }

  /** Handles errors thrown inside this router (handlers, middleware, children without their own). */
  onError(handler: ErrorHandler<U>): this {
    this.errorHandler = handler;
    return this;
  }

  /** Runs this router over one update (the dispatcher calls it; tests may too). */
  handle(ctx: Context<U, M>): Promise<HandleResult> {
    if (this.gate || this.middleware.length > 0 || this.errorHandler) return this.handleFull(ctx);
    // Fast path: no gate, middleware or error handler — stay synchronous until a filter or handler returns a promise.
    try {
      return Promise.resolve(this.inner(ctx));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private async handleFull(ctx: Context<U, M>): Promise<HandleResult> {
    if (this.gate) {
      const ok = this.gate(ctx.update, ctx);
      if (!(isThenable(ok) ? await ok : ok)) return 'unhandled';
    }
    try {
      return this.middleware.length === 0 ? await this.inner(ctx) : await runMiddleware(this.middleware, ctx, async () => this.inner(ctx));
    } catch (e) {
      if (!this.errorHandler) throw e;
      await this.errorHandler(e, ctx);
      return 'handled';
    }
  }

  /**
   * Runs inside the middleware, before the groups; true ends the update
   * ('stop'). The dispatcher routes updates of an active scene here.
   */
  protected intercept(_ctx: Context<U, M>): boolean | Promise<boolean> {
    return false;
  }

  private inner(ctx: Context<U, M>): Step {
    const stop = this.intercept(ctx);
    if (isThenable(stop)) return stop.then((s) => (s ? 'stop' : this.walk(ctx, 0, 0, false)));
    return stop ? 'stop' : this.walk(ctx, 0, 0, false);
  }

  /**
   * The groups from group `g`, handler `h` on. Written as a synchronous loop
   * that switches to promise continuations only where a filter or handler is
   * async, so an all-sync router costs no microtask per handler.
   */
  private walk(ctx: Context<U, M>, g: number, h: number, handled: boolean): Step {
    const order = this.order;
    const update = ctx.update;
    for (; g < order.length; g++, h = 0) {
      const list = order[g]!;
      for (; h < list.length; h++) {
        const entry = list[h]!;
        if (entry.filter) {
          const ok = entry.filter(update, ctx);
          if (isThenable(ok)) {
            const [gg, hh] = [g, h];
            return ok.then((pass) => (pass ? this.call(ctx, entry, gg, hh, handled) : this.walk(ctx, gg, hh + 1, handled)));
          }
          if (!ok) continue;
        }
        return this.call(ctx, entry, g, h, handled);
      }
    }
    return this.children.length === 0 ? (handled ? 'handled' : 'unhandled') : this.walkChildren(ctx, 0, handled);
  }

  private call(ctx: Context<U, M>, entry: Entry, g: number, h: number, handled: boolean): Step {
    // Handlers see the FSM state already read (a state filter may have read it).
    if (ctx.hasState && !ctx.state.loaded) return ctx.state.get().then(() => this.invoke(ctx, entry, g, h, handled));
    return this.invoke(ctx, entry, g, h, handled);
  }

  private invoke(ctx: Context<U, M>, entry: Entry, g: number, h: number, handled: boolean): Step {
    const action = entry.handler(ctx.update, ctx);
    if (isThenable(action)) return action.then((a) => this.after(ctx, a, g, h, handled));
    return this.after(ctx, action, g, h, handled);
  }

  private after(ctx: Context<U, M>, action: unknown, g: number, h: number, handled: boolean): Step {
    if (action === 'continue') return this.walk(ctx, g, h + 1, handled);
    if (action === 'stop') return 'stop';
    return this.walk(ctx, g + 1, 0, true);
  }

  private async walkChildren(ctx: Context<U, M>, from: number, handled: boolean): Promise<HandleResult> {
    for (let i = from; i < this.children.length; i++) {
      const r = await this.children[i]!.handle(ctx);
      if (r === 'stop') return 'stop';
      if (r === 'handled') handled = true;
    }
    return handled ? 'handled' : 'unhandled';
  }
}
