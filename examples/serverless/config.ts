/**
 * Client options from the environment (process.env on Node, the Worker's
 * `env` bindings): API_ID / API_HASH from https://my.telegram.org, and —
 * for offline runs and CI only — WASMGRAM_TEST_SERVER, the JSON
 * `{ "dcs": [{ "id", "host", "port", "wsPort" }], "pem" }` of a wasmgram test
 * server. In production leave it unset: the client goes to Telegram.
 */
import { createCryptoProvider, loadRsaPublicKey } from '../../ts/crypto/index.js';
import type { SessionStorage, TelegramClientOptions } from '../../ts/index.js';

/** The variables the examples read. */
export interface ServerlessEnv {
  API_ID?: string;
  API_HASH?: string;
  /** `file:bot.db` locally; `libsql://<db>-<org>.turso.io` in production (with LIBSQL_AUTH_TOKEN). */
  LIBSQL_URL?: string;
  /** Secret: the database token (Turso). */
  LIBSQL_AUTH_TOKEN?: string;
  /** Secret: the bot token (login.ts only). */
  BOT_TOKEN?: string;
  WASMGRAM_TEST_SERVER?: string;
}

/** Options of the bot's `TelegramClient` over `storage`. */
export async function clientOptions(env: ServerlessEnv, storage: SessionStorage): Promise<TelegramClientOptions> {
  const options: TelegramClientOptions = {
    apiId: Number(env.API_ID ?? 0),
    apiHash: env.API_HASH ?? '',
    storage,
    // The runtime's default sockets: TCP on Node and in Workers (cloudflare:sockets, chosen by the
    // package's `workerd` condition). No `transport: 'auto'` race: one connection, opened at once.
  };
  if (env.WASMGRAM_TEST_SERVER) {
    const target = JSON.parse(env.WASMGRAM_TEST_SERVER) as {
      dcs: { id: number; host: string; port: number; wsPort?: number }[];
      pem: string;
    };
    const crypto = await createCryptoProvider();
    options.crypto = crypto;
    options.testServer = { dcs: target.dcs, rsaPublicKey: loadRsaPublicKey(target.pem, crypto) };
  }
  return options;
}
