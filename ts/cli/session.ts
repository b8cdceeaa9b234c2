/**
 * `wasmgram session export|import|convert|info`: moves a session between
 * backends (string ↔ file ↔ libSQL) and imports other libraries' string
 * sessions (GramJS, Telethon, Pyrogram, mtcute). Only the requested output
 * ever holds the key; `info` shows where a session points, never its key.
 */
import { SessionError } from '../errors.js';
import { readStringSession } from '../storage/index.js';
import { flag, parseArgs, stringOption } from './args.js';
import { type CliIo, EXIT_OK, UsageError } from './io.js';
import { describeLocation, type LocationOptions, parseLocation, readSession, writeSession } from './session-location.js';

/** Usage text of `wasmgram session`. */
export const SESSION_USAGE = `Usage:
  wasmgram session export <from> [--out FILE]   print <from> as a wasmgram string session (or write it to FILE)
  wasmgram session import <to> [<string>]       store a string session (any library's; default: read from stdin) in <to>
  wasmgram session convert <from> <to>          copy a session from one place to another
  wasmgram session info <from>                  what a session holds (DC, account, key id) — never the key

Locations:
  -             a string session on stdin / stdout
  @FILE         a text file holding a string session
  libsql:URL    a libSQL database (libsql:file:sessions.db, libsql:libsql://db.turso.io; token from LIBSQL_AUTH_TOKEN)
  PATH          a wasmgram session file

Strings are read in the formats of wasmgram, GramJS, Telethon, Pyrogram and mtcute,
and written as wasmgram strings.

Options:
  --account NAME   libSQL account (default "default")
  --force          replace a session already stored at the target
  --out FILE       (export) write the string to FILE (mode 600) instead of stdout
  -h, --help       this text`;

const SPEC = { account: { value: true }, force: {}, out: { value: true, short: 'o' } } as const;

/** The 8-byte key id (https://core.telegram.org/mtproto/description#key-identifier-auth-key-id) as hex. */
async function keyId(authKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', authKey as Uint8Array<ArrayBuffer>));
  return Array.from(digest.subarray(12, 20).reverse(), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `wasmgram session ...`: the exit code. */
export async function sessionCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SPEC);
  const [action, ...rest] = args.positional;
  if (args.help || action === undefined || action === 'help') {
    if (action === undefined && !args.help) throw new UsageError('session needs an action: export, import, convert or info');
    io.out(SESSION_USAGE);
    return EXIT_OK;
  }
  const options: LocationOptions = { force: flag(args, 'force') };
  const account = stringOption(args, 'account');
  if (account !== undefined) options.account = account;
  const need = (n: number, what: string) => {
    if (rest.length !== n) throw new UsageError(`session ${action} takes ${what}`);
  };
  switch (action) {
    case 'export': {
      need(1, 'one location: <from>');
      const out = stringOption(args, 'out');
      const { snapshot } = await readSession(parseLocation(rest[0]!), io, options);
      await writeSession(out === undefined ? { kind: 'stdio' } : { kind: 'text-file', path: out }, snapshot, io, options);
      if (out !== undefined) io.err(`Wrote the string session to ${out}.`);
      return EXIT_OK;
    }
    case 'import': {
      if (rest.length < 1 || rest.length > 2) throw new UsageError('session import takes <to> and an optional string (default: stdin)');
      const to = parseLocation(rest[0]!);
      if (to.kind === 'stdio' || to.kind === 'text-file') throw new UsageError('session import stores into a session file or libsql:URL');
      const source = rest[1];
      let read;
      if (source === undefined || source === '-' || source.startsWith('@')) {
        read = await readSession(parseLocation(source ?? '-'), io, options);
      } else {
        const r = readStringSession(source);
        read = { snapshot: r.snapshot, format: r.format };
      }
      await writeSession(to, read.snapshot, io, options);
      io.err(`Imported a ${read.format} string session into ${describeLocation(to)}.`);
      return EXIT_OK;
    }
    case 'convert': {
      need(2, 'two locations: <from> <to>');
      const from = parseLocation(rest[0]!);
      const to = parseLocation(rest[1]!);
      const { snapshot, format } = await readSession(from, io, options);
      await writeSession(to, snapshot, io, options);
      io.err(`Copied ${format ? `a ${format} string session` : describeLocation(from)} to ${describeLocation(to)}.`);
      return EXIT_OK;
    }
    case 'info': {
      need(1, 'one location: <from>');
      const { snapshot: s, format } = await readSession(parseLocation(rest[0]!), io, options);
      const home = s.keys.find((k) => k.dcId === s.homeDc && !k.media);
      if (!home) throw new SessionError('the session has no key for its home DC');
      const address = s.dcOptions.find((d) => d.id === s.homeDc && !d.mediaOnly);
      io.out(`format:     ${format ?? 'storage'}`);
      io.out(`home DC:    ${s.homeDc}${address ? ` (${address.host}:${address.port})` : ''}${s.testMode ? ', test mode' : ''}`);
      io.out(`auth key:   id ${await keyId(home.authKey)} (${s.keys.length} key${s.keys.length === 1 ? '' : 's'} stored)`);
      io.out(`account:    ${s.account ? `${s.account.bot ? 'bot' : 'user'} ${s.account.userId}` : 'unknown'}`);
      io.out(`peers:      ${s.peers.size} cached`);
      return EXIT_OK;
    }
    default:
      throw new UsageError(`unknown session action ${action}`);
  }
}
