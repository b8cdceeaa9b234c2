/**
 * The `command` filter: `/start`, `/start@MyBot arg1 "two words"`, custom
 * prefixes (`!ban`), case-insensitive names by default. A command addressed
 * to another bot (`/start@OtherBot`) does not match when the bot's username
 * is known. See https://core.telegram.org/bots/features#commands.
 */
import type { Context } from './context.js';
import type { Filter } from './filter.js';
import type { MessageLike } from './message-like.js';

/** What `command` leaves on the context. */
export interface CommandMatch {
  /** The command as matched, lower-cased unless `caseSensitive` (`start`). */
  name: string;
  /** The prefix used (`/`). */
  prefix: string;
  /** `@username` after the command, without `@`, when present. */
  mention: string | undefined;
  /** Arguments split on whitespace; `"double quoted"` groups keep spaces. */
  args: string[];
  /** Everything after the command and one space, untouched. */
  argsText: string;
}

/** Options of {@link command}. */
export interface CommandOptions {
  /** Characters that start a command (default `/`). */
  prefixes?: string | readonly string[];
  /** Match names case-sensitively (default false). */
  caseSensitive?: boolean;
  /** The bot's username (or a getter, for when it is known only after login); a mention of another name then does not match. */
  botUsername?: string | (() => string | undefined);
}

/** Splits arguments on whitespace, keeping `"quoted parts"` together (`\"` escapes a quote). */
export function splitCommandArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:\\.|[^"\\])*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

/**
 * Matches commands `names` (one or several); the handler gets `ctx.command`.
 *
 * @example
 * ```ts
 * dp.on(command(['ban', 'kick'], { prefixes: ['/', '!'], botUsername: 'my_bot' }), (msg, ctx) => {
 *   ctx.command.name; // 'ban' | 'kick' as written
 *   ctx.command.args; // ['@spammer', '1d']
 * });
 * ```
 */
export function command(
  names: string | readonly string[],
  options: CommandOptions = {},
): Filter<MessageLike, unknown, { command: CommandMatch }> {
  const caseSensitive = options.caseSensitive ?? false;
  const wanted = new Set((typeof names === 'string' ? [names] : names).map((n) => (caseSensitive ? n : n.toLowerCase())));
  const prefixes = typeof options.prefixes === 'string' ? [...options.prefixes] : (options.prefixes ?? ['/']);
  const bot = options.botUsername;
  return (msg: MessageLike, ctx: Context<unknown>) => {
    const text = msg.text;
    if (!text) return false;
    let prefix: string | undefined;
    for (const p of prefixes) {
      if (p && text.startsWith(p)) {
        prefix = p;
        break;
      }
    }
    if (prefix === undefined) return false;
    let end = prefix.length;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const token = text.slice(prefix.length, end);
    const at = token.indexOf('@');
    const rawName = at < 0 ? token : token.slice(0, at);
    const mention = at < 0 ? undefined : token.slice(at + 1);
    const name = caseSensitive ? rawName : rawName.toLowerCase();
    if (!wanted.has(name)) return false;
    if (mention !== undefined && bot !== undefined) {
      const me = typeof bot === 'function' ? bot() : bot;
      if (me !== undefined && me.toLowerCase() !== mention.toLowerCase()) return false;
    }
    const argsText = text.slice(end).replace(/^\s/, '');
    const match: CommandMatch = { name, prefix, mention, args: splitCommandArgs(argsText), argsText };
    (ctx as unknown as { command: CommandMatch }).command = match;
    return true;
  };
}
