/**
 * The first deploy of the serverless bot: signs in with BOT_TOKEN into the
 * libSQL session (LIBSQL_URL, LIBSQL_AUTH_TOKEN) and stores the update state
 * to start from. Run once: `BOT_TOKEN=... LIBSQL_URL=file:bot.db node --import tsx examples/serverless/login.ts`.
 */
import { TelegramClient } from '../../ts/index.js';
import { LibsqlStorage } from '../../ts/storage/libsql.js';
import { clientOptions, type ServerlessEnv } from './config.js';

const env = process.env as ServerlessEnv;
if (!env.BOT_TOKEN) throw new Error('set BOT_TOKEN');
const storage = new LibsqlStorage({
  url: env.LIBSQL_URL ?? 'file:bot.db',
  ...(env.LIBSQL_AUTH_TOKEN && { authToken: env.LIBSQL_AUTH_TOKEN }),
});
const client = new TelegramClient(await clientOptions(env, storage));
const me = await client.start({ botToken: env.BOT_TOKEN });
// Nothing to answer yet: this stores the state the first invocation catches up from.
await client.runOnce(() => {}, { catchUp: false });
await storage.close();
console.log(JSON.stringify({ signedIn: me.username }));
