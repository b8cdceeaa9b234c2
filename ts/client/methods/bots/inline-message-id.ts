/**
 * Inline message ids as text: the Bot API's `inline_message_id` is the bare
 * TL serialization of `inputBotInlineMessageID` (20 bytes) or
 * `inputBotInlineMessageID64` (24 bytes), base64url
 * (https://core.telegram.org/constructor/inputBotInlineMessageID64). Bots
 * keep such strings to edit a message later (`editInlineMessage`).
 */
import { ArgumentError } from '../../../errors.js';
import type { InputBotInlineMessageID } from '../../../tl/generated/types.js';
import { base64UrlEncode, decodeBase64Strict } from '../../../wasm/base64.js';

/**
 * The text form of an inline message id.
 *
 * @example
 * ```ts
 * client.on('callbackQuery', (q) => { if (q.inlineMessageId) saved = formatInlineMessageId(q.inlineMessageId); });
 * ```
 */
export function formatInlineMessageId(id: InputBotInlineMessageID): string {
  const wide = id._ === 'inputBotInlineMessageID64';
  const out = new Uint8Array(wide ? 24 : 20);
  const v = new DataView(out.buffer);
  v.setInt32(0, id.dc_id, true);
  if (wide) {
    v.setBigInt64(4, id.owner_id, true);
    v.setInt32(12, id.id, true);
    v.setBigInt64(16, id.access_hash, true);
  } else {
    v.setBigInt64(4, id.id, true);
    v.setBigInt64(12, id.access_hash, true);
  }
  return base64UrlEncode(out);
}

/**
 * Reads the text form back (an `InputBotInlineMessageID` object passes through).
 *
 * @throws ArgumentError when the text is not base64url of 20 or 24 bytes
 */
export function parseInlineMessageId(id: string | InputBotInlineMessageID): InputBotInlineMessageID {
  if (typeof id !== 'string') return id;
  const bytes = decodeBase64Strict(id, 'url');
  if (typeof bytes === 'number' || (bytes.length !== 20 && bytes.length !== 24)) {
    throw new ArgumentError('not an inline message id (base64url of 20 or 24 bytes)');
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 24) {
    return {
      _: 'inputBotInlineMessageID64',
      dc_id: v.getInt32(0, true),
      owner_id: v.getBigInt64(4, true),
      id: v.getInt32(12, true),
      access_hash: v.getBigInt64(16, true),
    };
  }
  return { _: 'inputBotInlineMessageID', dc_id: v.getInt32(0, true), id: v.getBigInt64(4, true), access_hash: v.getBigInt64(12, true) };
}
