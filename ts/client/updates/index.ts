/**
 * ts/client/updates: the client's updates runner (message box + requests +
 * deadline timer + at-least-once commits), the `client.updates()` queue and
 * the raw → typed update conversion.
 */
export { AlbumCollector, type AlbumTimers, MAX_ALBUM_PARTS } from './album-collector.js';
export { toTypedUpdate } from './convert.js';
export type { UpdateDelivery, UpdatesOptions } from './options.js';
export { isUpdates, type UpdateSink, UpdatesRunner } from './runner.js';
export { UpdateQueue } from './update-queue.js';
