/**
 * A tiny typed event emitter (no node:events, so it runs everywhere).
 */

/** Listener signatures keyed by event name. */
export type EventMap = { [event: string]: (...args: never[]) => void };

/** Registers listeners and calls them in registration order. */
export class Emitter<Events extends EventMap> {
  private listeners: { [E in keyof Events]?: Events[E][] } = {};

  /** Adds `listener` for `event`; returns a function that removes it. */
  on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
    (this.listeners[event] ??= []).push(listener);
    return () => this.off(event, listener);
  }

  /** Removes `listener` from `event`. */
  off<E extends keyof Events>(event: E, listener: Events[E]): void {
    const list = this.listeners[event];
    if (list) this.listeners[event] = list.filter((l) => l !== listener);
  }

  /** Calls every listener of `event` with `args`. */
  protected emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const listener of this.listeners[event] ?? []) (listener as (...a: Parameters<Events[E]>) => void)(...args);
  }
}
