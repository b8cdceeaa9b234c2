#!/usr/bin/env node
/**
 * The `wasmgram` command line: one subcommand per file, dispatched here.
 *
 * ```
 * wasmgram login [--phone P | --bot-token T | --qr] [--out FILE | --libsql URL] [--test-server HOST:PORT --rsa-key FILE]
 * wasmgram session export|import|convert|info ...
 * wasmgram tl decode <hex|@FILE|-> | tl show <name>
 * wasmgram download <t.me link | peer id> [--out PATH] --session WHERE
 * wasmgram upload <file> [--to PEER] --session WHERE
 * wasmgram bench [suite...] [--quick ...]
 * wasmgram test-server [--dcs 1,2,3] [--port N] [--rsa-key FILE] ...
 * ```
 *
 * Exit codes: 0 ok, 1 the command failed, 2 the command line is wrong.
 * Errors are one line on stderr (with the stack under `--debug`); secrets
 * never reach it.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliIo, type CliOptions, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './io.js';
import { processIo } from './process-io.js';
import { versionLine } from './version.js';

export { type CliIo, type CliOptions, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './io.js';
export { parseArgs, type OptionSpec, type ParsedArgs } from './args.js';
export { versionLine } from './version.js';

interface Command {
  summary: string;
  /** Loaded on use, so `wasmgram tl ...` does not load the client or the test server. */
  load: () => Promise<{ usage: string; run: (argv: readonly string[], io: CliIo) => Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  login: {
    summary: 'sign in (phone + code + 2FA, bot token or QR link) and save the session',
    load: async () => {
      const m = await import('./login.js');
      return { usage: m.LOGIN_USAGE, run: m.loginCommand };
    },
  },
  session: {
    summary: 'export, import, convert or inspect a session (string, file, libSQL; GramJS/Telethon/Pyrogram/mtcute strings)',
    load: async () => {
      const m = await import('./session.js');
      return { usage: m.SESSION_USAGE, run: m.sessionCommand };
    },
  },
  tl: {
    summary: 'decode TL bytes to JSON, or show a constructor or method of the schema',
    load: async () => {
      const m = await import('./tl.js');
      return { usage: m.TL_USAGE, run: m.tlCommand };
    },
  },
  download: {
    summary: 'save the photo or file of a message (t.me link, or peer and id), with a progress line',
    load: async () => {
      const m = await import('./commands/download.js');
      return { usage: m.DOWNLOAD_USAGE, run: (argv, io) => m.downloadCommand(argv, io) };
    },
  },
  upload: {
    summary: 'upload a file and send it to a chat (Saved Messages by default), with a progress line',
    load: async () => {
      const m = await import('./commands/upload.js');
      return { usage: m.UPLOAD_USAGE, run: (argv, io) => m.uploadCommand(argv, io) };
    },
  },
  bench: {
    summary: "run the benchmarks (a checkout's bench/run.ts) side by side with mtcute and GramJS",
    load: async () => {
      const m = await import('./commands/bench.js');
      return { usage: m.BENCH_USAGE, run: m.benchCommand };
    },
  },
  'test-server': {
    summary: 'run the MTProto test server (an in-memory Telegram) on loopback',
    load: async () => {
      const m = await import('./test-server.js');
      return { usage: m.USAGE, run: m.testServerCommand };
    },
  },
};

/** Usage text of `wasmgram --help`. */
export const USAGE = `Usage: wasmgram <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(13)}${c.summary}`)
  .join('\n')}

Options:
  -h, --help     this text (wasmgram <command> --help: the command's)
  -v, --version  the version
  --debug        print stack traces of errors

Exit codes: 0 ok, 1 the command failed, 2 wrong command line.`;

/**
 * Runs the command line `argv` (without `node` and the script) and resolves
 * with the exit code: 0 ok, 1 failure, 2 usage error.
 *
 * @example
 * ```ts
 * const code = await main(['tl', 'show', 'messages.sendMessage'], { out: console.log });
 * ```
 */
export async function main(argv: readonly string[] = process.argv.slice(2), options: CliOptions = {}): Promise<number> {
  const base = processIo();
  const io: CliIo = { ...base, ...options };
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  try {
    if (name === undefined) {
      io.err(USAGE);
      return EXIT_USAGE;
    }
    if (name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' && rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]] : undefined;
      io.out(topic ? (await topic.load()).usage : USAGE);
      return EXIT_OK;
    }
    if (name === '-v' || name === '--version' || name === 'version') {
      io.out(versionLine());
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command ${name}`);
    try {
      return await (await command.load()).run(rest, io);
    } catch (e) {
      if (e instanceof UsageError) {
        io.err(`wasmgram ${name}: ${e.message}`);
        io.err(`Run 'wasmgram ${name} --help' for its options.`);
        return EXIT_USAGE;
      }
      throw e;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`wasmgram: ${e.message}`);
      io.err(`Run 'wasmgram --help' for the commands.`);
      return EXIT_USAGE;
    }
    const error = e as Error;
    io.err(`wasmgram${name ? ` ${name}` : ''}: ${debug ? (error.stack ?? error.message) : oneLine(error)}`);
    return EXIT_FAILURE;
  } finally {
    base.close();
  }
}

/** An error as one line: its kind when it is not a plain Error, and the first line of its message. */
function oneLine(e: Error): string {
  const message = String(e?.message ?? e).split('\n')[0];
  const kind = e?.name && e.name !== 'Error' && e.name !== 'WasmgramError' ? `${e.name}: ` : '';
  return `${kind}${message}`;
}

/**
 * True when this file is the program being run (not imported): this file
 * under tsx, or the package's bin `dist/cli.js`, a facade whose code the
 * bundler puts in `dist/chunks/` next to the commands it loads on demand.
 */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    const run = realpathSync(script);
    const here = fileURLToPath(import.meta.url);
    if (run === realpathSync(here)) return true;
    return basename(dirname(here)) === 'chunks' && run === join(dirname(dirname(realpathSync(here))), 'cli.js');
  } catch {
    return false;
  }
}

if (isEntry()) {
  // `wasmgram tl show X | head`: a reader that went away is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    throw e;
  });
  void main().then((code) => {
    process.exitCode = code;
  });
}
