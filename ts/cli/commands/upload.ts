/**
 * `wasmgram upload <file> [--to peer]`: uploads a file with a progress line
 * on stderr and sends it as a document (or `--photo`) to a chat, Saved
 * Messages by default (https://core.telegram.org/api/files#uploading-files).
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { WasmgramError } from '../../errors.js';
import { flag, parseArgs, stringOption } from '../args.js';
import { type CliIo, EXIT_OK, UsageError } from '../io.js';
import { CLIENT_SPEC, CLIENT_USAGE, openClient } from './client-session.js';
import { stderrSink } from './download.js';
import { ProgressBar, type ProgressSink } from './progress-bar.js';

/** Usage text of `wasmgram upload`. */
export const UPLOAD_USAGE = `Usage: wasmgram upload <file> [--to PEER] [options]

Uploads a file and sends it (as a document by default) to a chat.

Options:
  --to PEER                 where to send it: @username, a phone number, a marked id (default: me,
                            Saved Messages)
  --caption TEXT            a caption
  --photo                   send as a photo (JPEG/PNG) instead of a file
  --name NAME               the file name shown (default: the file's)
  --quiet                   no progress line
${CLIENT_USAGE}
  --debug                   stack traces on errors
  -h, --help                this text

Prints the sent message's link (t.me/USERNAME/ID for public chats) or "PEER ID" on stdout.
Exit codes: 0 sent, 1 failed (no such file or chat, network), 2 wrong command line.`;

const SPEC = { ...CLIENT_SPEC, to: { value: true }, caption: { value: true }, photo: {}, name: { value: true }, quiet: {} } as const;

/** `wasmgram upload ...`: the exit code. */
export async function uploadCommand(argv: readonly string[], io: CliIo, sink: ProgressSink = stderrSink()): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.help) {
    io.out(UPLOAD_USAGE);
    return EXIT_OK;
  }
  if (args.positional.length !== 1) throw new UsageError('upload takes one file');
  const file = args.positional[0]!;
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(file);
  } catch {
    st = undefined;
  }
  if (!st?.isFile()) throw new WasmgramError(`${file} is not a readable file`);
  const size = Number(st.size);
  const to = stringOption(args, 'to') ?? 'me';
  const name = stringOption(args, 'name') ?? basename(file);
  const { client, close } = await openClient(args, io);
  let bar: ProgressBar | undefined;
  try {
    if (!flag(args, 'quiet')) bar = new ProgressBar(sink, name);
    const uploaded = await client.uploadFile(file, {
      fileName: name,
      fileSize: size,
      ...(bar && { onProgress: (done: number, total: number | undefined) => bar!.update(done, total ?? size) }),
      ...(io.signal && { signal: io.signal }),
    });
    bar?.update(size, size);
    bar?.finish();
    bar = undefined;
    const caption = stringOption(args, 'caption');
    const message = await client.sendMedia(to, {
      ...(flag(args, 'photo') ? { photo: uploaded } : { document: uploaded }),
      ...(caption !== undefined && { caption }),
    });
    // Only channels and supergroups have public message links (https://core.telegram.org/api/links#message-links).
    const username = message.raw.peer_id._ === 'peerChannel' ? message.chat?.username : undefined;
    io.out(username ? `https://t.me/${username}/${message.id}` : `${to} ${message.id}`);
    return EXIT_OK;
  } finally {
    bar?.abort();
    await close();
  }
}
