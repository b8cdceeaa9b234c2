/**
 * Reply markup builders (https://core.telegram.org/api/bots/buttons): an
 * inline keyboard under a message, a reply keyboard replacing the user's
 * keyboard (resize, one-time, selective, placeholder, persistent), its
 * removal, and force-reply. Each returns the raw TL `ReplyMarkup` that
 * `sendMessage` / `editMessage` / `sendMedia` take as `replyMarkup`.
 */
import { ArgumentError } from '../../errors.js';
import type { KeyboardButton, KeyboardButtonRow, ReplyMarkup } from '../../tl/generated/types.js';
import { type InlineKeyboardButton, ReplyButton, type ReplyKeyboardButton } from './buttons.js';

/** Most buttons Telegram takes in one keyboard. */
export const KEYBOARD_BUTTONS_MAX = 100;

function rowsOf(rows: readonly (readonly KeyboardButton[])[]): KeyboardButtonRow[] {
  let n = 0;
  const out: KeyboardButtonRow[] = [];
  for (const row of rows) {
    if (row.length === 0) continue; // an empty row is dropped, not sent (the server refuses it)
    n += row.length;
    out.push({ _: 'keyboardButtonRow', buttons: [...row] });
  }
  if (n > KEYBOARD_BUTTONS_MAX) throw new ArgumentError(`a keyboard holds at most ${KEYBOARD_BUTTONS_MAX} buttons, got ${n}`);
  return out;
}

/**
 * An inline keyboard: rows of inline buttons. An empty keyboard removes the
 * buttons of a message when passed to `editMessage`.
 *
 * @example
 * ```ts
 * await client.sendMessage(chat, 'Pick one', {
 *   replyMarkup: inlineKeyboard([[InlineButton.callback('A', 'a'), InlineButton.callback('B', 'b')]]),
 * });
 * ```
 */
export function inlineKeyboard(rows: readonly (readonly InlineKeyboardButton[])[]): ReplyMarkup.replyInlineMarkup {
  return { _: 'replyInlineMarkup', rows: rowsOf(rows) };
}

/** Options of {@link replyKeyboard}. */
export interface ReplyKeyboardOptions {
  /** Fit the keyboard's height to its buttons. */
  resize?: boolean;
  /** Hide the keyboard after one press. */
  oneTime?: boolean;
  /** Show only to mentioned users / the author of the replied-to message. */
  selective?: boolean;
  /** Input field placeholder (up to 64 characters). */
  placeholder?: string;
  /** Keep the keyboard shown even when the user hides it. */
  persistent?: boolean;
}

/**
 * A reply keyboard: rows of reply buttons (a plain string is a text button).
 *
 * @example
 * ```ts
 * await client.sendMessage(user, 'Where are you?', {
 *   replyMarkup: replyKeyboard([[ReplyButton.requestLocation('Send location')], ['Cancel']], { resize: true, oneTime: true }),
 * });
 * ```
 */
export function replyKeyboard(
  rows: readonly (readonly (ReplyKeyboardButton | string)[])[],
  options: ReplyKeyboardOptions = {},
): ReplyMarkup.replyKeyboardMarkup {
  if (options.placeholder !== undefined && options.placeholder.length > 64)
    throw new ArgumentError('a keyboard placeholder is at most 64 characters');
  const buttons = rows.map((row) => row.map((b) => (typeof b === 'string' ? ReplyButton.text(b) : b)));
  const out = rowsOf(buttons);
  if (out.length === 0) throw new ArgumentError('a reply keyboard needs at least one button');
  return {
    _: 'replyKeyboardMarkup',
    rows: out,
    ...(options.resize && { resize: true }),
    ...(options.oneTime && { single_use: true }),
    ...(options.selective && { selective: true }),
    ...(options.persistent && { persistent: true }),
    ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
  };
}

/**
 * Removes the reply keyboard the bot showed before.
 *
 * @example
 * ```ts
 * await client.sendMessage(user, 'Thanks!', { replyMarkup: removeKeyboard() });
 * ```
 */
export function removeKeyboard(options: { selective?: boolean } = {}): ReplyMarkup.replyKeyboardHide {
  return { _: 'replyKeyboardHide', ...(options.selective && { selective: true }) };
}

/**
 * Opens a reply to the message in the user's app, as if they pressed "Reply".
 *
 * @example
 * ```ts
 * await client.sendMessage(user, 'What is your name?', { replyMarkup: forceReply({ placeholder: 'Name' }) });
 * ```
 */
export function forceReply(
  options: { selective?: boolean; placeholder?: string; singleUse?: boolean } = {},
): ReplyMarkup.replyKeyboardForceReply {
  return {
    _: 'replyKeyboardForceReply',
    ...(options.selective && { selective: true }),
    ...(options.singleUse && { single_use: true }),
    ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
  };
}

/**
 * Lays out a flat list of buttons `perRow` to a row (the last row may be shorter).
 *
 * @example
 * ```ts
 * inlineKeyboard(buttonRows(items.map((x) => InlineButton.callback(x.name, `item:${x.id}`)), 3));
 * ```
 */
export function buttonRows<B extends KeyboardButton>(buttons: readonly B[], perRow: number): B[][] {
  if (!Number.isInteger(perRow) || perRow < 1) throw new ArgumentError(`perRow must be a positive integer, got ${perRow}`);
  const rows: B[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}

/** Which button of a keyboard: its callback data (string or bytes), its text, its position, or a predicate. */
export type ButtonSelector =
  | string
  | Uint8Array
  | { readonly text: string }
  | { readonly row: number; readonly column: number }
  | ((button: KeyboardButton, row: number, column: number) => boolean);

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The button of an inline keyboard that `selector` names, or undefined.
 * A string matches callback data first (as UTF-8), then button text.
 */
export function findButton(markup: ReplyMarkup | undefined, selector: ButtonSelector): KeyboardButton | undefined {
  if (markup?._ !== 'replyInlineMarkup' && markup?._ !== 'replyKeyboardMarkup') return undefined;
  const rows = markup.rows.map((r) => r.buttons);
  if (typeof selector === 'object' && 'row' in selector) return rows[selector.row]?.[selector.column];
  const flat = rows.flatMap((r, i) => r.map((b, j) => ({ b, i, j })));
  let pick: ((x: { b: KeyboardButton; i: number; j: number }) => boolean)[];
  if (typeof selector === 'function') pick = [({ b, i, j }) => selector(b, i, j)];
  else if (selector instanceof Uint8Array) pick = [({ b }) => b._ === 'keyboardButtonCallback' && sameBytes(b.data, selector)];
  else if (typeof selector === 'string') {
    const data = new TextEncoder().encode(selector);
    pick = [({ b }) => b._ === 'keyboardButtonCallback' && sameBytes(b.data, data), ({ b }) => b.text === selector];
  } else pick = [({ b }) => b.text === selector.text];
  for (const p of pick) {
    const hit = flat.find(p);
    if (hit) return hit.b;
  }
  return undefined;
}
