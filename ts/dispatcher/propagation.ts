/**
 * What a handler returns to steer the dispatcher. Returning nothing means
 * "handled": the rest of this handler group is skipped, later groups run.
 */
export const Propagation = {
  /** Not mine after all: try the next handler of the same group. */
  Continue: 'continue',
  /** Handled, and nothing else may see this update: no later group, router or parent handler runs. */
  Stop: 'stop',
} as const;

/** A value of {@link Propagation}. */
export type PropagationAction = (typeof Propagation)[keyof typeof Propagation];

/** How a router's pass over an update ended. */
export type HandleResult = 'unhandled' | 'handled' | 'stop';
