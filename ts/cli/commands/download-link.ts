/**
 * Which message `wasmgram download` means: a message link
 * (https://core.telegram.org/api/links#message-links) —
 * `https://t.me/<username>/<id>`, `t.me/<username>/<topic>/<id>`,
 * `t.me/c/<channel>/<id>` (a private channel, by id), `tg://resolve?domain=<username>&post=<id>`,
 * `tg://privatepost?channel=<channel>&post=<id>` — or a peer and a message id
 * as two arguments (`@username 42`, `me 7`, `-1001234 5`).
 */
import { UsageError } from '../io.js';

/** A message to download: a peer as `resolvePeer` takes it and the message id. */
export interface MessageRef {
  /** `@username`, `me`, a phone number, or a marked id (`-100…` for channels). */
  readonly peer: string | number;
  readonly id: number;
}

function messageId(text: string | null | undefined, what: string): number {
  const id = Number(text);
  if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(id) || id <= 0 || id > 0x7fffffff) {
    throw new UsageError(`${what}: ${JSON.stringify(text ?? '')} is not a message id`);
  }
  return id;
}

/** A channel id of a `t.me/c/` link as the marked id the client resolves (`-100` prefix). */
function channelPeer(text: string | null | undefined, link: string): number {
  if (!text || !/^\d{1,15}$/.test(text)) throw new UsageError(`${link}: no channel id`);
  return -(1_000_000_000_000 + Number(text));
}

/**
 * Reads the message reference from the command's positional arguments.
 *
 * @throws UsageError when they name no message
 */
export function parseMessageRef(args: readonly string[]): MessageRef {
  if (args.length === 2) return { peer: /^-?\d+$/.test(args[0]!) ? Number(args[0]) : args[0]!, id: messageId(args[1], 'message id') };
  if (args.length !== 1) throw new UsageError('download takes a message link, or a peer and a message id');
  const link = args[0]!;
  if (link.startsWith('tg://')) {
    const url = new URL(link);
    const post = url.searchParams.get('post');
    if (url.host === 'resolve' && url.searchParams.get('domain'))
      return { peer: `@${url.searchParams.get('domain')}`, id: messageId(post, link) };
    if (url.host === 'privatepost') return { peer: channelPeer(url.searchParams.get('channel'), link), id: messageId(post, link) };
    throw new UsageError(`${link} is not a message link`);
  }
  const m = /^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)\/(.+?)\/?(?:[?#].*)?$/i.exec(link);
  if (!m) throw new UsageError(`${link} is not a t.me message link (or give a peer and a message id)`);
  const parts = m[1]!.split('/');
  if (parts[0] === 'c') {
    // t.me/c/<channel>/<id> or t.me/c/<channel>/<topic>/<id>
    if (parts.length < 3 || parts.length > 4) throw new UsageError(`${link} is not a message link`);
    return { peer: channelPeer(parts[1], link), id: messageId(parts.at(-1), link) };
  }
  if (parts.length < 2 || parts.length > 3 || !/^[A-Za-z]\w{3,31}$/.test(parts[0]!)) throw new UsageError(`${link} is not a message link`);
  return { peer: `@${parts[0]}`, id: messageId(parts.at(-1), link) };
}
