/**
 * `wasmgram test-server`: runs the MTProto test server on loopback until
 * Ctrl+C and prints what a client needs — every DC's TCP and WebSocket
 * address, the RSA public key (PEM) and its fingerprint, and the test login
 * convention.
 *
 * ```
 * npx wasmgram test-server [--host 127.0.0.1] [--dcs 1,2,3] [--port 40000]
 *                          [--rsa-key server.pem] [--data-dir DIR] [--no-websocket]
 *                          [--trace [FILE]] [--strict] [--layer-schema FILE.tl]...
 * ```
 *
 * `--rsa-key FILE` reads the server's private key from FILE; when FILE does
 * not exist a new key is made and saved there (mode 600), so the public key
 * stays the same from one run to the next. `--data-dir DIR` keeps the
 * server's auth keys, logins, accounts, RSA key and ports in DIR, so a
 * client's stored session still works after a restart. `--port N` puts DC i on TCP
 * N + i and WebSocket N + 100 + i (default: ports the OS picks).
 * `--trace` prints every message both ways and every decision on stderr;
 * `--trace FILE` writes them to FILE as JSON lines (see docs/testing.md).
 * `--strict` turns off the leniencies real clients need.
 * `--layer-schema FILE.tl` (repeatable) serves one more API layer, from its
 * `.tl` text with a `// LAYER N` line (docs/testing.md, "Older layers").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateServerKeyPair, TestServer, type TestServerOptions } from '../testing/server/index.js';
import { WEBSOCKET_PATH, WEBSOCKET_TEST_PATH } from '../testing/server/node-listeners.js';
import { type CliIo, EXIT_OK, UsageError } from './io.js';

/** Parsed command line of `test-server`. */
export interface TestServerArgs {
  host: string;
  dcs: number[];
  basePort?: number;
  rsaKeyFile?: string;
  /** Where sessions and accounts are kept across restarts (TestServerOptions.dataDir). */
  dataDir?: string;
  websocket: boolean;
  /** `true`: readable trace on stderr; a path: JSONL there. */
  trace?: true | string;
  /** Refuse what Telegram tolerates (see TestServerOptions.strict). */
  strict?: boolean;
  /** `.tl` files of further API layers to serve (TestServerOptions.extraLayers). */
  layerSchemas?: string[];
}

/** Usage text. */
export const USAGE = `Usage: wasmgram test-server [options]

Runs an MTProto test server (an in-memory Telegram) on loopback until Ctrl+C.

Options:
  --host H          address to listen on (default 127.0.0.1)
  --dcs 1,2,3       DC ids to run, 1..9 (default 1,2,3,4,5)
  --port N          DC i listens on TCP N+i and WebSocket N+100+i (default: any free port)
  --rsa-key FILE    the server's RSA private key (PEM); made and saved there if FILE does not exist
  --data-dir DIR    keep auth keys, logins, accounts, the RSA key and ports in DIR across restarts
                    (a client's stored session reconnects without a new login)
  --no-websocket    TCP only
  --trace [FILE]    trace every message and decision: readable on stderr, or JSON lines in FILE
  --strict          refuse what Telegram tolerates from real clients (legacy key exchange, odd seq_no on acks)
  --layer-schema F  serve one more API layer from its .tl file (with a '// LAYER N' line); repeatable
  -h, --help        this text

Test accounts: phone 99966XYYYY lives on DC X, its login code is X five times.`;

/**
 * Parses the arguments after `test-server`.
 *
 * @throws UsageError with a readable message for an unknown or malformed option
 */
export function parseTestServerArgs(argv: readonly string[]): TestServerArgs | 'help' {
  const args: TestServerArgs = { host: '127.0.0.1', dcs: [1, 2, 3, 4, 5], websocket: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--host':
        args.host = value();
        break;
      case '--dcs': {
        const list = value()
          .split(',')
          .map((s) => Number(s.trim()));
        if (list.some((d) => !Number.isInteger(d) || d < 1 || d > 9)) throw new UsageError('--dcs takes DC ids 1..9, e.g. 1,2,3');
        args.dcs = list;
        break;
      }
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 1 || port + 109 > 65535) throw new UsageError('--port takes a number from 1 to 65426');
        args.basePort = port;
        break;
      }
      case '--rsa-key':
        args.rsaKeyFile = value();
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--no-websocket':
        args.websocket = false;
        break;
      case '--trace': {
        const next = argv[i + 1];
        args.trace = next === undefined || next.startsWith('-') ? true : value();
        break;
      }
      case '--strict':
        args.strict = true;
        break;
      case '--layer-schema':
        (args.layerSchemas ??= []).push(value());
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  return args;
}

/** The server's description as printed at start (no secrets: public key only). */
function describeServer(server: TestServer): string {
  const lines = ['wasmgram test server', ''];
  for (const dc of server.dcs) {
    const ws = dc.wsPort === undefined ? '' : `   ws://${dc.host}:${dc.wsPort}${WEBSOCKET_PATH} (or ${WEBSOCKET_TEST_PATH})`;
    lines.push(`DC ${dc.id}   tcp ${dc.host}:${dc.port}${ws}`);
  }
  lines.push('', `RSA public key, fingerprint 0x${server.fingerprint.toString(16).padStart(16, '0')}:`, server.publicKeyPem.trim(), '');
  lines.push('Test accounts: phone 99966XYYYY lives on DC X, its login code is X five times.');
  return lines.join('\n');
}

/** Options of `runTestServer`. */
interface RunOptions {
  /** Where lines go (default stdout). */
  out?: (text: string) => void;
  /** Stops the server when aborted (default: SIGINT / SIGTERM). */
  signal?: AbortSignal;
}

/** Starts the server for `args`, prints its description, and resolves once `signal` aborts and the server stopped. */
async function runTestServer(args: TestServerArgs, options: RunOptions = {}): Promise<void> {
  const out = options.out ?? ((text: string) => process.stdout.write(`${text}\n`));
  const serverOptions: TestServerOptions = { host: args.host, dcs: args.dcs, websocket: args.websocket };
  if (args.basePort !== undefined) serverOptions.basePort = args.basePort;
  if (args.trace !== undefined) serverOptions.trace = args.trace;
  if (args.strict) serverOptions.strict = true;
  if (args.dataDir !== undefined) serverOptions.dataDir = args.dataDir;
  if (args.layerSchemas) serverOptions.extraLayers = args.layerSchemas.map((f) => readFileSync(f, 'utf8'));
  if (args.rsaKeyFile !== undefined) {
    if (existsSync(args.rsaKeyFile)) {
      serverOptions.rsaKey = readFileSync(args.rsaKeyFile, 'utf8');
    } else {
      const pair = generateServerKeyPair();
      writeFileSync(args.rsaKeyFile, pair.privateKeyPem, { mode: 0o600 });
      serverOptions.rsaKey = pair.privateKeyPem;
      out(`Made a new RSA key and saved it to ${args.rsaKeyFile}.`);
    }
  }
  const server = await TestServer.start(serverOptions);
  out(describeServer(server));
  out('\nRunning. Press Ctrl+C to stop.');
  let signal = options.signal;
  let cleanup = () => {};
  if (!signal) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    cleanup = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    signal = controller.signal;
  }
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  cleanup();
  await server.stop();
  out('Stopped.');
}

/** `wasmgram test-server [options]`: the exit code once the server stopped. */
export async function testServerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseTestServerArgs(argv);
  if (args === 'help') {
    io.out(USAGE);
    return EXIT_OK;
  }
  await runTestServer(args, { out: io.out, ...(io.signal && { signal: io.signal }) });
  return EXIT_OK;
}
