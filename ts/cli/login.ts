/**
 * `wasmgram login`: signs in (phone + code + 2FA password, a bot token, or a
 * QR login link) and hands the session back as a string on stdout, a session
 * file or a libSQL database. Prompts and progress go to stderr, so
 * `wasmgram login > session.txt` keeps only the session. Works offline
 * against `wasmgram test-server` (https://core.telegram.org/api/auth).
 */
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TelegramClient, type TelegramClientOptions, type TestServerTarget } from '../client/index.js';
import { createCryptoProvider, loadRsaPublicKey } from '../crypto/index.js';
import { WasmgramError } from '../errors.js';
import { exportStringSession, MemoryStorage, type SessionStorage } from '../storage/index.js';
import { nodeFileStorage } from '../storage/file-node.js';
import { flag, type ParsedArgs, parseArgs, stringOption } from './args.js';
import { type CliIo, EXIT_OK, UsageError } from './io.js';
import { encodeQr } from '../client/qr-encode.js';
import { renderQr } from './qr-render.js';
import { openLibsql } from './session-location.js';

/** Usage text of `wasmgram login`. */
export const LOGIN_USAGE = `Usage: wasmgram login [how] [where to] [options]

Signs in and gives back the session. Prompts (and hidden answers) use the terminal,
or read one line each from stdin when it is piped.

How (default: phone number, asked for):
  --phone P            the phone number (international format)
  --bot-token T        log in as a bot ("-" asks for it, hidden)
  --qr                 log in by QR code: draws it in the terminal (and prints its tg://login?token=...
                       link) for a signed-in device to scan; NO_COLOR=1 draws it without colours

Where to (default: print a wasmgram string session on stdout):
  --out FILE           a wasmgram session file (an existing signed-in one is reused)
  --libsql URL         a libSQL database (file:sessions.db, libsql://...; token from LIBSQL_AUTH_TOKEN)
  --account NAME       the libSQL account (default "default")

Server:
  --api-id N --api-hash H   from https://my.telegram.org (or TG_API_ID / TG_API_HASH)
  --test                    Telegram's test DCs
  --test-server ADDR        a wasmgram test server: HOST:PORT of DC --dc (others come from help.getConfig),
                            or a list like 1=127.0.0.1:40001,2=127.0.0.1:40002; any api id/hash works
  --rsa-key FILE            the test server's key (the PEM it printed, or its --rsa-key file)
  --dc N                    the DC a bare HOST:PORT belongs to, and the first home DC (default 2)

Options:
  --timeout S          give up a QR login after S seconds (default 120)
  --debug              stack traces on errors
  -h, --help           this text

Test server accounts: phone 99966XYYYY lives on DC X, its login code is X five times.`;

const SPEC = {
  phone: { value: true },
  'bot-token': { value: true },
  qr: {},
  out: { value: true, short: 'o' },
  libsql: { value: true },
  account: { value: true },
  'api-id': { value: true },
  'api-hash': { value: true },
  test: {},
  'test-server': { value: true },
  'rsa-key': { value: true },
  dc: { value: true },
  timeout: { value: true },
  debug: {},
} as const;

function positiveInt(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${what} must be a positive integer`);
  return n;
}

/** `HOST:PORT` or `ID=HOST:PORT`, comma-separated; IPv6 hosts in brackets. */
function parseTestServerAddresses(text: string, defaultDc: number): TestServerTarget['dcs'] {
  return text.split(',').map((entry) => {
    const m = /^(?:(\d)=)?(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry.trim());
    if (!m) throw new UsageError(`--test-server takes HOST:PORT or ID=HOST:PORT, got ${entry}`);
    const port = Number(m[3]);
    if (port < 1 || port > 65535) throw new UsageError(`--test-server: port ${m[3]} is out of range`);
    return { id: m[1] === undefined ? defaultDc : Number(m[1]), host: m[2]!.replace(/^\[|\]$/g, ''), port };
  });
}

/** The public key from a PEM file holding either half of the pair (PKCS#1 or SPKI). */
function readRsaKeyPem(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new WasmgramError(`cannot read the RSA key file ${file}`);
  }
  try {
    return createPublicKey(text).export({ type: 'pkcs1', format: 'pem' }).toString();
  } catch {
    throw new WasmgramError(`${file} holds no RSA key in PEM form`);
  }
}

/** The client options of the server flags (`--test-server`, `--rsa-key`, `--dc`, `--api-id`, `--api-hash`, `--test`); shared with download and upload. */
export async function clientOptions(args: ParsedArgs): Promise<TelegramClientOptions> {
  const server = stringOption(args, 'test-server');
  const apiIdText = stringOption(args, 'api-id') ?? process.env.TG_API_ID;
  const apiHash = stringOption(args, 'api-hash') ?? process.env.TG_API_HASH;
  const dcText = stringOption(args, 'dc');
  const dc = dcText === undefined ? 2 : positiveInt(dcText, '--dc');
  if (dc > 9) throw new UsageError('--dc takes a DC id 1..9');
  const options: TelegramClientOptions = {
    apiId: apiIdText === undefined ? 1 : positiveInt(apiIdText, '--api-id'),
    apiHash: apiHash ?? 'wasmgram-test-server',
    connection: { connectTimeoutMs: 10_000, requestTimeoutMs: 30_000 },
    updates: false,
  };
  if (server !== undefined) {
    if (flag(args, 'test')) throw new UsageError('--test (Telegram test DCs) and --test-server exclude each other');
    const keyFile = stringOption(args, 'rsa-key');
    if (keyFile === undefined) throw new UsageError('--test-server needs --rsa-key FILE (the key wasmgram test-server printed)');
    const crypto = await createCryptoProvider();
    options.crypto = crypto;
    options.testServer = { dcs: parseTestServerAddresses(server, dc), rsaPublicKey: loadRsaPublicKey(readRsaKeyPem(keyFile), crypto) };
    options.defaultDc = dcText === undefined ? options.testServer.dcs[0]!.id : dc;
    return options;
  }
  if (apiIdText === undefined || apiHash === undefined)
    throw new UsageError('login needs --api-id and --api-hash (from https://my.telegram.org), or TG_API_ID and TG_API_HASH');
  if (flag(args, 'test')) options.testMode = true;
  if (dcText !== undefined) options.defaultDc = dc;
  return options;
}

/** `wasmgram login ...`: the exit code. */
export async function loginCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.help) {
    io.out(LOGIN_USAGE);
    return EXIT_OK;
  }
  if (args.positional.length > 0) throw new UsageError(`login takes no arguments (got ${args.positional[0]})`);
  const out = stringOption(args, 'out');
  const libsql = stringOption(args, 'libsql');
  if (out !== undefined && libsql !== undefined) throw new UsageError('--out and --libsql exclude each other');
  const botToken = stringOption(args, 'bot-token');
  const qr = flag(args, 'qr');
  if ((botToken !== undefined ? 1 : 0) + (qr ? 1 : 0) + (stringOption(args, 'phone') !== undefined ? 1 : 0) > 1)
    throw new UsageError('give one of --phone, --bot-token and --qr');
  const timeoutText = stringOption(args, 'timeout');
  const timeoutMs = timeoutText === undefined ? 120_000 : positiveInt(timeoutText, '--timeout') * 1000;
  const options = await clientOptions(args);

  let storage: SessionStorage;
  if (out !== undefined) storage = nodeFileStorage(out, { debounceMs: 0 });
  else if (libsql !== undefined) {
    const account = stringOption(args, 'account');
    storage = await openLibsql(libsql, account === undefined ? {} : { account });
  } else storage = new MemoryStorage();
  options.storage = storage;

  const client = new TelegramClient(options);
  try {
    const phone = stringOption(args, 'phone');
    const me = await client.start({
      ...(botToken !== undefined && {
        botToken: botToken === '-' ? () => io.ask('Bot token: ', { hidden: true }) : botToken,
      }),
      ...(qr && {
        qr: {
          timeoutMs,
          ...(io.signal && { signal: io.signal }),
          onToken: (url: string, expires: Date) => {
            io.err(`Scan this QR code with a device where you are signed in (Settings → Devices → Link Desktop Device),`);
            io.err(`or open the link below there; it expires at ${expires.toISOString()}:`);
            io.err(qrText(url));
            io.err(url);
          },
        },
      }),
      phone: phone ?? (() => io.ask('Phone number: ')),
      code: (sent) => io.ask(`Code (sent ${describeCodeType(sent.type._)}): `, { hidden: true }),
      password: (hint) => io.ask(`2FA password${hint ? ` (hint: ${hint})` : ''}: `, { hidden: true }),
      firstName: () => io.ask('No account with this number; first name for a new one: '),
    });
    const name = [me.first_name, me.last_name].filter(Boolean).join(' ');
    io.err(`Signed in as ${name || 'an account'}${me.username ? ` (@${me.username})` : ''}, id ${me.id}${me.bot ? ', bot' : ''}.`);
    await client.close();
    if (out !== undefined) io.err(`Session saved to ${out}.`);
    else if (libsql !== undefined) io.err(`Session saved to the libSQL database.`);
    else io.out(exportStringSession(await storage.snapshot()));
    return EXIT_OK;
  } finally {
    await client.close().catch(() => {});
    if (out !== undefined || libsql !== undefined) await storage.close().catch(() => {});
  }
}

/** The login link as a terminal QR code (https://core.telegram.org/api/qr-login), coloured unless NO_COLOR is set. */
function qrText(url: string): string {
  try {
    return renderQr(encodeQr(url, { ecc: 'M' }), { colors: !process.env.NO_COLOR });
  } catch {
    // Too long for the encoder's versions (never for Telegram's tokens): the link alone still works.
    return '(the link is too long to draw as a QR code here)';
  }
}

/** `auth.sentCodeTypeApp` → "in the Telegram app", for the code prompt. */
function describeCodeType(type: string): string {
  switch (type) {
    case 'auth.sentCodeTypeApp':
      return 'in the Telegram app';
    case 'auth.sentCodeTypeSms':
    case 'auth.sentCodeTypeSmsWord':
    case 'auth.sentCodeTypeSmsPhrase':
      return 'by SMS';
    case 'auth.sentCodeTypeCall':
    case 'auth.sentCodeTypeFlashCall':
    case 'auth.sentCodeTypeMissedCall':
      return 'by a phone call';
    case 'auth.sentCodeTypeEmailCode':
      return 'by email';
    case 'auth.sentCodeTypeFragmentSms':
      return 'to the Fragment number';
    default:
      return type.replace(/^auth\.sentCodeType/, 'by ').toLowerCase();
  }
}
