/**
 * `wasmgram download <link | peer id>`: saves the photo or document of a
 * message to a file, with a progress line on stderr
 * (https://core.telegram.org/api/files#downloading-files). The file name
 * comes from `--out`, else the document's name, else `<chat>-<id>.<ext>`;
 * an existing file is kept unless `--force`.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WasmgramError } from '../../errors.js';
import { flag, parseArgs, stringOption } from '../args.js';
import { type CliIo, EXIT_OK, UsageError } from '../io.js';
import { CLIENT_SPEC, CLIENT_USAGE, openClient } from './client-session.js';
import { parseMessageRef } from './download-link.js';
import { ProgressBar, type ProgressSink } from './progress-bar.js';

/** Usage text of `wasmgram download`. */
export const DOWNLOAD_USAGE = `Usage: wasmgram download <message link> [options]
       wasmgram download <peer> <message id> [options]

Saves the photo or file of a message. Links: https://t.me/USERNAME/ID, t.me/c/CHANNEL/ID,
tg://resolve?domain=USERNAME&post=ID. A peer: @username, me, a phone number, or a marked id.

Options:
  -o, --out PATH            the file, or an existing directory to save into
                            (default: the document's file name, else CHAT-ID.jpg / .bin)
  --force                   overwrite an existing file
  --thumb TYPE              a thumbnail size (e.g. m) instead of the file
  --quiet                   no progress line
${CLIENT_USAGE}
  --debug                   stack traces on errors
  -h, --help                this text

Prints the saved path on stdout. Exit codes: 0 saved, 1 failed (no such message, no media,
network), 2 wrong command line.`;

const SPEC = { ...CLIENT_SPEC, out: { value: true, short: 'o' }, force: {}, thumb: { value: true }, quiet: {} } as const;

/** The stderr progress sink of the process (a test may give its own). */
export function stderrSink(): ProgressSink {
  return {
    write: (t) => process.stderr.write(t),
    isTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns ?? 80,
  };
}

/** A safe base name: no directories, no control characters. */
function safeName(name: string): string {
  const base = [...name.replace(/[\\/]/g, '_')].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  return base === '' || base === '.' || base === '..' ? 'file' : base;
}

/** `wasmgram download ...`: the exit code. */
export async function downloadCommand(argv: readonly string[], io: CliIo, sink: ProgressSink = stderrSink()): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.help) {
    io.out(DOWNLOAD_USAGE);
    return EXIT_OK;
  }
  const ref = parseMessageRef(args.positional);
  const thumb = stringOption(args, 'thumb');
  if (thumb !== undefined && !/^[a-z]$/i.test(thumb)) throw new UsageError('--thumb takes a size letter (s, m, x, ...)');
  const { client, close } = await openClient(args, io);
  let bar: ProgressBar | undefined;
  try {
    const [message] = await client.getMessages(ref.peer, [ref.id]);
    if (!message) throw new WasmgramError(`message ${ref.id} of ${ref.peer} does not exist or is not visible to this account`);
    const media = message.media;
    if (!media) throw new WasmgramError(`message ${ref.id} of ${ref.peer} has no photo or file`);
    const named = media.kind === 'document' ? media.fileName : undefined;
    const ext = media.kind === 'photo' || thumb !== undefined ? '.jpg' : '.bin';
    const fallback = safeName(named ?? `${String(ref.peer).replace(/^@/, '')}-${ref.id}${ext}`);
    const out = stringOption(args, 'out');
    let path = out ?? fallback;
    if (out !== undefined && existsSync(out) && statSync(out).isDirectory()) path = join(out, fallback);
    if (existsSync(path) && !flag(args, 'force')) throw new WasmgramError(`${path} exists (use --force to overwrite)`);
    if (!flag(args, 'quiet')) bar = new ProgressBar(sink, path);
    const size = await client.downloadToFile(message, path, {
      ...(thumb !== undefined && { thumb }),
      ...(bar && { onProgress: (done: number, total: number | undefined) => bar!.update(done, total) }),
      ...(io.signal && { signal: io.signal }),
    });
    bar?.update(size, size);
    bar?.finish();
    bar = undefined;
    io.out(path);
    return EXIT_OK;
  } finally {
    bar?.abort();
    await close();
  }
}
