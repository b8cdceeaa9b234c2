/**
 * The local half of `@libsql/client` (`file:` and `:memory:` databases,
 * embedded replicas), loaded by {@link LibsqlStorage} instead of the whole
 * client: `@libsql/client/sqlite3` is the embedded SQLite alone, without the
 * HTTP and WebSocket clients that a local database never uses (on Node that
 * is ~25 ms of CPU at start instead of ~90 ms — the serverless cold start).
 * `#platform/libsql-local` on Node, Deno and Bun: browser and Worker builds
 * get ts/platform/web/libsql-local.ts instead, since they have no files and
 * no native modules.
 */
import { type Client, type Config, createClient } from '@libsql/client/sqlite3';

/** `createClient` of `@libsql/client/sqlite3`: a client for a local database. */
export function createLocalLibsqlClient(config: Config): Client {
  return createClient(config);
}
