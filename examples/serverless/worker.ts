/**
 * The serverless bot as a Cloudflare Worker: a cron trigger (`scheduled`)
 * or a request (`fetch`, e.g. from a queue or a health check) runs one
 * invocation. Workers have no files, so the session lives in remote libSQL
 * (Turso): LIBSQL_URL `libsql://<db>-<org>.turso.io` and the secret
 * LIBSQL_AUTH_TOKEN (`wrangler secret put LIBSQL_AUTH_TOKEN`); under the
 * `workerd` condition `@libsql/client` is its HTTP client, wasmgram loads
 * its WASM as Worker modules, and the connection to Telegram is TCP through
 * `connect()` of `cloudflare:sockets` (the package's default sockets there;
 * wrangler keeps the `cloudflare:sockets` import external by itself).
 *
 * wrangler.toml: `main = "examples/serverless/worker.ts"`, `[triggers] crons = ["* * * * *"]`.
 */
import { TelegramClient } from '../../ts/index.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { answer } from './answer.js';
import { clientOptions, type ServerlessEnv } from './config.js';

/** The part of the Workers `ExecutionContext` used here. */
interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

async function invocation(env: ServerlessEnv & { BUDGET_MS?: string }) {
  const storage = new LibsqlStorage({ url: env.LIBSQL_URL ?? '', ...(env.LIBSQL_AUTH_TOKEN && { authToken: env.LIBSQL_AUTH_TOKEN }) });
  try {
    const client = new TelegramClient(await clientOptions(env, storage));
    const { status, handled, more } = await client.runOnce(answer, { budgetMs: Number(env.BUDGET_MS ?? 20_000) });
    return { status, handled, more };
  } finally {
    await storage.close();
  }
}

export default {
  async fetch(_request: Request, env: ServerlessEnv): Promise<Response> {
    return Response.json(await invocation(env));
  },
  async scheduled(_controller: unknown, env: ServerlessEnv, ctx: Context): Promise<void> {
    ctx.waitUntil(invocation(env));
  },
};
