/** `answerInlineQuery` (https://core.telegram.org/method/messages.setInlineBotResults). */
import { ArgumentError } from '../../../errors.js';
import type { InputBotInlineResult } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';

/** Options of {@link answerInlineQuery}. */
export interface AnswerInlineQueryParams {
  /** Seconds Telegram may serve this answer from its cache for the same query (default 300). */
  cacheTimeS?: number;
  /** Cache per user rather than for everyone (answers that depend on who asks). */
  private?: boolean;
  /** Show media results as a grid. */
  gallery?: boolean;
  /** Offset the app sends back when the user scrolls for more ('' or absent: no more results). */
  nextOffset?: string;
  /** A button above the results that opens the bot's chat with `/start <startParam>`. */
  switchPm?: { text: string; startParam: string };
  /** A button above the results that opens a Web App. */
  switchWebView?: { text: string; url: string };
}

/**
 * Answers an inline query (`@bot query`), as a bot, with up to 50 results
 * made with `InlineResult.*`.
 *
 * @example
 * ```ts
 * client.on('inlineQuery', async (q) => {
 *   const results = search(q.query).map((x) => InlineResult.article({ id: x.id, title: x.title, text: x.url }));
 *   await answerInlineQuery(client, q.id, results, { cacheTimeS: 30, nextOffset: '' });
 * });
 * ```
 * @throws RpcError QUERY_ID_INVALID, RESULTS_TOO_MUCH, RESULT_ID_DUPLICATE, ARTICLE_TITLE_EMPTY, PHOTO_INVALID, ...
 */
export async function answerInlineQuery(
  client: ClientCore,
  queryId: bigint | { readonly id: bigint },
  results: readonly InputBotInlineResult[],
  params: AnswerInlineQueryParams = {},
): Promise<void> {
  if (results.length > 50) throw new ArgumentError(`an inline answer holds at most 50 results, got ${results.length}`);
  const id = typeof queryId === 'bigint' ? queryId : queryId.id;
  await client.invoke({
    _: 'messages.setInlineBotResults',
    query_id: id,
    results: [...results],
    cache_time: params.cacheTimeS ?? 300,
    ...(params.private && { private: true }),
    ...(params.gallery && { gallery: true }),
    ...(params.nextOffset && { next_offset: params.nextOffset }),
    ...(params.switchPm && { switch_pm: { _: 'inlineBotSwitchPM', text: params.switchPm.text, start_param: params.switchPm.startParam } }),
    ...(params.switchWebView && {
      switch_webview: { _: 'inlineBotWebView', text: params.switchWebView.text, url: params.switchWebView.url },
    }),
  });
}
