/**
 * Text-level HTML: escaping for output and character references for input.
 *
 * The Bot API accepts the named references `&lt;` `&gt;` `&amp;` `&quot;` and
 * every numeric one (https://core.telegram.org/bots/api#html-style); we also
 * read `&apos;` and `&nbsp;`. A `&` that starts no known reference stays a
 * literal `&`, as in browsers.
 */

const NAMED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

/** Escapes `&`, `<`, `>` (and `"` when `quote`) for HTML text or a double-quoted attribute. */
const NEEDS_ESCAPE = /[&<>]/;
const NEEDS_ESCAPE_QUOTED = /[&<>"]/;

export function escapeHtml(text: string, quote = false): string {
  // Most text has nothing to escape; a regex test is much faster than a char loop then.
  if (!(quote ? NEEDS_ESCAPE_QUOTED : NEEDS_ESCAPE).test(text)) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string;
    if (c === 0x26) rep = '&amp;';
    else if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if (c === 0x22 && quote) rep = '&quot;';
    else continue;
    if (i > last) out += text.slice(last, i);
    out += rep;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * `escapeHtml(text.slice(from, to))` for HTML text, without slicing first:
 * one pass over the char codes, and the slice itself when nothing needs escaping.
 */
export function escapeHtmlRange(text: string, from: number, to: number): string {
  let out = '';
  let last = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // `>` is 0x3e, `<` 0x3c, `&` 0x26: one range test rejects almost every character.
    if (c > 0x3e || c < 0x26) continue;
    let rep: string;
    if (c === 0x26) rep = '&amp;';
    else if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else continue;
    out += i > last ? text.slice(last, i) + rep : rep;
    last = i + 1;
  }
  return last === from ? text.slice(from, to) : out + text.slice(last, to);
}

/**
 * Reads the character reference at `input[at] === '&'`. Returns the decoded
 * text and where the reference ends, or undefined when none starts there.
 */
export function readCharRef(input: string, at: number): [text: string, end: number] | undefined {
  // References are short: look for the `;` within a few characters only.
  let semi = -1;
  for (let i = at + 1, end = Math.min(input.length, at + 13); i < end; i++) {
    if (input.charCodeAt(i) === 0x3b) {
      semi = i;
      break;
    }
  }
  if (semi < 0) return undefined;
  if (input.charCodeAt(at + 1) === 0x23) {
    const hex = (input.charCodeAt(at + 2) | 0x20) === 0x78;
    const digits = input.slice(at + (hex ? 3 : 2), semi);
    if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^\d{1,7}$/).test(digits)) return undefined;
    const cp = Number.parseInt(digits, hex ? 16 : 10);
    // NUL, surrogates and values past Unicode are not characters.
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    return [String.fromCodePoint(cp), semi + 1];
  }
  const named = NAMED.get(input.slice(at + 1, semi));
  return named === undefined ? undefined : [named, semi + 1];
}

/** Decodes every character reference in an attribute value. */
export function decodeCharRefs(value: string): string {
  let amp = value.indexOf('&');
  if (amp < 0) return value;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const ref = readCharRef(value, amp);
    if (ref) {
      out += value.slice(last, amp) + ref[0];
      last = ref[1];
      amp = value.indexOf('&', last);
    } else {
      amp = value.indexOf('&', amp + 1);
    }
  }
  return out + value.slice(last);
}
