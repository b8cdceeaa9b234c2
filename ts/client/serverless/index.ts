/**
 * Serverless invocations: `runOnce` (also `client.runOnce`) opens the stored
 * session, catches up, hands each update to a handler within a time budget,
 * commits and closes. See run-once.ts.
 */
export { type RunOnceHandler, type RunOnceHost, type RunOnceParams, type RunOnceResult, type RunOnceUpdates, runOnce } from './run-once.js';
