/** `getInlineResults` (https://core.telegram.org/method/messages.getInlineBotResults). */
import type { messages } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer, resolveUser } from '../peers/resolve-peer.js';

/** Options of {@link getInlineResults}. */
export interface GetInlineResultsParams {
  /** The chat the query is typed in (default: the bot's own chat); the bot sees its kind. */
  chat?: PeerLike;
  /** The `nextOffset` of the previous page ('' for the first). */
  offset?: string;
  /** Give up after this many ms (TimeoutError); Telegram answers BOT_RESPONSE_TIMEOUT when the bot is silent. */
  timeoutMs?: number;
}

/**
 * Asks an inline bot for results, as a user (`@bot query`). Send one with
 * {@link sendInlineResult}.
 *
 * @example
 * ```ts
 * const res = await getInlineResults(client, '@gif', 'cats', { chat: '@friend' });
 * await client.sendInlineResult('@friend', res, res.results[0]!.id);
 * ```
 * @throws RpcError BOT_INVALID (not a bot), BOT_INLINE_DISABLED, BOT_RESPONSE_TIMEOUT
 */
export async function getInlineResults(
  client: ClientCore,
  bot: PeerLike,
  query: string,
  params: GetInlineResultsParams = {},
): Promise<messages.BotResults> {
  return client.invoke(
    {
      _: 'messages.getInlineBotResults',
      bot: await resolveUser(client, bot),
      peer: await resolvePeer(client, params.chat ?? bot),
      query,
      offset: params.offset ?? '',
    },
    params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {},
  );
}
