/** `answerCallbackQuery` (https://core.telegram.org/method/messages.setBotCallbackAnswer). */
import { ArgumentError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';

/** Options of {@link answerCallbackQuery}. */
export interface AnswerCallbackQueryParams {
  /** Notification text (0..200 characters). */
  text?: string;
  /** Show the text as an alert the user must dismiss, not a toast. */
  alert?: boolean;
  /** Open this URL: a game's, or `t.me/<your bot>?start=<param>`. */
  url?: string;
  /** Seconds the user's app may cache this answer (default 0). */
  cacheTimeS?: number;
}

/**
 * Answers a callback query (a button press), as a bot. Every query must be
 * answered, or the user's app shows a spinner until Telegram gives up
 * (the user then gets BOT_RESPONSE_TIMEOUT).
 *
 * @example
 * ```ts
 * client.on('callbackQuery', async (q) => {
 *   if (q.dataText === 'like') await answerCallbackQuery(client, q.id, { text: 'Thanks!' });
 *   else await answerCallbackQuery(client, q.id, { text: 'Unknown button', alert: true });
 * });
 * ```
 * @throws RpcError QUERY_ID_INVALID (unknown, already answered or expired), MESSAGE_TOO_LONG, URL_INVALID, USER_BOT_REQUIRED
 */
export async function answerCallbackQuery(
  client: ClientCore,
  queryId: bigint | { readonly id: bigint },
  params: AnswerCallbackQueryParams = {},
): Promise<void> {
  const id = typeof queryId === 'bigint' ? queryId : queryId.id;
  if (params.text !== undefined && params.text.length > 200) throw new ArgumentError('a callback answer text is at most 200 characters');
  await client.invoke({
    _: 'messages.setBotCallbackAnswer',
    query_id: id,
    cache_time: params.cacheTimeS ?? 0,
    ...(params.text !== undefined && { message: params.text }),
    ...(params.alert && { alert: true }),
    ...(params.url !== undefined && { url: params.url }),
  });
}
