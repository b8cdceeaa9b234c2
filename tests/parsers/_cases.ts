/** Shared helpers for the formatting parser tests. */
import type { MessageEntity } from '../../ts/tl/generated/types.js';

type E = MessageEntity;

export const bold = (offset: number, length: number): E => ({ _: 'messageEntityBold', offset, length });
export const italic = (offset: number, length: number): E => ({ _: 'messageEntityItalic', offset, length });
export const underline = (offset: number, length: number): E => ({ _: 'messageEntityUnderline', offset, length });
export const strike = (offset: number, length: number): E => ({ _: 'messageEntityStrike', offset, length });
export const spoiler = (offset: number, length: number): E => ({ _: 'messageEntitySpoiler', offset, length });
export const code = (offset: number, length: number): E => ({ _: 'messageEntityCode', offset, length });
export const pre = (offset: number, length: number, language = ''): E => ({ _: 'messageEntityPre', offset, length, language });
export const link = (offset: number, length: number, url: string): E => ({ _: 'messageEntityTextUrl', offset, length, url });
export const mention = (offset: number, length: number, user_id: bigint): E => ({ _: 'messageEntityMentionName', offset, length, user_id });
export const emoji = (offset: number, length: number, document_id: bigint): E => ({
  _: 'messageEntityCustomEmoji',
  offset,
  length,
  document_id,
});
export const quote = (offset: number, length: number, collapsed = false): E =>
  collapsed ? { _: 'messageEntityBlockquote', offset, length, collapsed: true } : { _: 'messageEntityBlockquote', offset, length };
export const date = (offset: number, length: number, unix: number, flags: Partial<MessageEntity.messageEntityFormattedDate> = {}): E => ({
  _: 'messageEntityFormattedDate',
  offset,
  length,
  date: unix,
  ...flags,
});

/**
 * mtcute's entities (camelCase fields, `Long` ids, `collapsed: false`) in our
 * shape (snake_case, bigint, absent false flags), so the two can be compared.
 */
export function fromMtcute(entities: readonly Record<string, unknown>[]): E[] {
  const camel: Record<string, string> = {
    userId: 'user_id',
    documentId: 'document_id',
    dayOfWeek: 'day_of_week',
    shortDate: 'short_date',
    longDate: 'long_date',
    shortTime: 'short_time',
    longTime: 'long_time',
  };
  return entities.map((e) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) {
      if (v === false || v === undefined) continue;
      const key = camel[k] ?? k;
      if (key === 'user_id' || key === 'document_id') out[key] = BigInt(String(v));
      else out[key] = v;
    }
    return out as unknown as E;
  });
}
