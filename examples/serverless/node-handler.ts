/**
 * A serverless bot as a plain Node function (AWS Lambda, Google Cloud
 * Functions, a cron job): each call opens the session from libSQL, answers
 * what arrived since the last call, commits and closes.
 *
 * Run one invocation: `LIBSQL_URL=file:bot.db API_ID=... API_HASH=... node --import tsx examples/serverless/node-handler.ts`
 * (sign in once first with login.ts). In production set
 * `LIBSQL_URL=libsql://<db>-<org>.turso.io` and `LIBSQL_AUTH_TOKEN`: the
 * same code path, the database shared by every instance of the function.
 */
import { pathToFileURL } from 'node:url';
import { TelegramClient } from '../../ts/index.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { answer } from './answer.js';
import { clientOptions, type ServerlessEnv } from './config.js';

/** The function the platform calls (the event is not needed: every call catches up). */
export async function handler(_event?: unknown): Promise<{ status: string; handled: number; more: boolean }> {
  const env = process.env as ServerlessEnv;
  const storage = new LibsqlStorage({
    url: env.LIBSQL_URL ?? 'file:bot.db',
    ...(env.LIBSQL_AUTH_TOKEN && { authToken: env.LIBSQL_AUTH_TOKEN }),
  });
  try {
    const client = new TelegramClient(await clientOptions(env, storage));
    // Keep the budget under the platform's timeout (Lambda's default is 3 s; set it higher there).
    const { status, handled, more } = await client.runOnce(answer, { budgetMs: Number(process.env.BUDGET_MS ?? 8000) });
    return { status, handled, more };
  } finally {
    await storage.close();
  }
}

// Run as a script: one invocation, its summary on stdout.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await handler()));
}
