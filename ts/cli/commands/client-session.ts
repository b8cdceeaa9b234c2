/**
 * The signed-in client behind `wasmgram download` and `upload`: the session
 * from `--session` (a location as `wasmgram session` reads it: `@FILE` with
 * a string session, `-` for one on stdin, `libsql:URL`, or a wasmgram
 * session file) and the server flags `wasmgram login` takes.
 */
import { readFileSync } from 'node:fs';
import { TelegramClient } from '../../client/index.js';
import { SessionError } from '../../errors.js';
import { nodeFileStorage } from '../../storage/file-node.js';
import { type SessionStorage, StringStorage } from '../../storage/index.js';
import { type ParsedArgs, stringOption } from '../args.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';
import { clientOptions } from '../login.js';
import { describeLocation, openLibsql, parseLocation } from '../session-location.js';

/** Options every transfer command accepts (merged into its own spec). */
export const CLIENT_SPEC = {
  session: { value: true, short: 's' },
  account: { value: true },
  'api-id': { value: true },
  'api-hash': { value: true },
  test: {},
  'test-server': { value: true },
  'rsa-key': { value: true },
  dc: { value: true },
  debug: {},
} as const;

/** Usage lines of {@link CLIENT_SPEC}. */
export const CLIENT_USAGE = `Session and server:
  -s, --session WHERE       the session: @FILE (a string session in a file), - (one on stdin),
                            libsql:URL (with --account NAME), or a wasmgram session file
                            (default: the WASMGRAM_SESSION environment variable, a string session)
  --api-id N --api-hash H   from https://my.telegram.org (or TG_API_ID / TG_API_HASH)
  --test                    Telegram's test DCs
  --test-server ADDR        a wasmgram test server (HOST:PORT of DC --dc, or 1=HOST:PORT,2=...)
  --rsa-key FILE            the test server's key (the PEM it printed)
  --dc N                    the DC a bare HOST:PORT belongs to`;

/** A connected client and how to let it go. */
export interface OpenClient {
  readonly client: TelegramClient;
  close(): Promise<void>;
}

/** Opens the storage named by `--session` (or `WASMGRAM_SESSION`). */
async function openSession(args: ParsedArgs, io: CliIo): Promise<{ storage: SessionStorage; owned: boolean }> {
  const where = stringOption(args, 'session');
  if (where === undefined) {
    const text = process.env.WASMGRAM_SESSION?.trim();
    if (!text) throw new UsageError('give --session (or set WASMGRAM_SESSION); `wasmgram login` makes one');
    return { storage: new StringStorage(text), owned: false };
  }
  const loc = parseLocation(where);
  switch (loc.kind) {
    case 'stdio':
      return { storage: new StringStorage((await io.ask('String session: ', { hidden: true })).trim()), owned: false };
    case 'text-file': {
      let text: string;
      try {
        text = readFileSync(loc.path, 'utf8').trim();
      } catch {
        throw new SessionError(`cannot read ${describeLocation(loc)}`);
      }
      return { storage: new StringStorage(text), owned: false };
    }
    case 'libsql': {
      const account = stringOption(args, 'account');
      return { storage: await openLibsql(loc.url, account === undefined ? {} : { account }), owned: true };
    }
    case 'file': {
      const storage = nodeFileStorage(loc.path, { debounceMs: 0 });
      return { storage, owned: true };
    }
  }
}

/**
 * A client on the stored session, connected; `SessionError` when the
 * session is not signed in (transfers need an account).
 */
export async function openClient(args: ParsedArgs, io: CliIo): Promise<OpenClient> {
  const { storage, owned } = await openSession(args, io);
  let client: TelegramClient | undefined;
  const close = async () => {
    await client?.close().catch(() => {});
    if (owned) await storage.close().catch(() => {});
  };
  try {
    const options = await clientOptions(args);
    client = new TelegramClient({ ...options, storage, connection: { connectTimeoutMs: 10_000, requestTimeoutMs: 60_000 } });
    await client.connect();
    if (!(await client.isAuthorized())) throw new SessionError('the session is not signed in (run `wasmgram login` first)');
  } catch (e) {
    await close();
    throw e;
  }
  return { client, close };
}
