import { TlSyntaxError } from './syntax-error.js';

/** Token kinds of the TL language. https://core.telegram.org/mtproto/TL-formal */
export type TokenKind =
  | 'ident' // name with optional namespace: `messages.sendMessage`, `flags`, `X`
  | 'id' // `#1cb5c415` glued to the preceding name
  | 'number' // decimal literal (flag bit, multiplicity)
  | 'section' // `---functions---` / `---types---`; `text` holds the word
  | 'punct' // one of : ? . < > , { } [ ] ( ) = ; ! % * #
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Result of lexing: the tokens and the layer number found in a `// LAYER N` comment. */
export interface LexResult {
  readonly tokens: Token[];
  readonly layer: number | undefined;
}

const PUNCT = ':?.<>,{}[]()=;!%*#';

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/**
 * Splits schema text into tokens, dropping whitespace, `//` line comments and
 * `/* *\/` block comments. Positions are 1-based line/column.
 */
export function lex(text: string, file?: string): LexResult {
  const tokens: Token[] = [];
  let layer: number | undefined;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const fail = (reason: string, at: number, atLine = line, atLineStart = lineStart): never => {
    throw new TlSyntaxError(reason, atLine, at - atLineStart + 1, file);
  };
  const push = (kind: TokenKind, start: number, end: number) =>
    tokens.push({ kind, text: text.slice(start, end), line, column: start - lineStart + 1 });

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      // The layer marker is a comment, so old parsers ignore it: `// LAYER 227`.
      const m = /^\/\/\s*LAYER\s+(\d+)\s*$/.exec(text.slice(i, end).trimEnd());
      if (m && layer === undefined) layer = Number(m[1]);
      i = end;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const startLine = line;
      const startLineStart = lineStart;
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated /* comment', i, startLine, startLineStart);
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 10) {
          line++;
          lineStart = k + 1;
        }
      }
      i = end + 2;
      continue;
    }
    if (c === 45 /* - */ && text.startsWith('---', i)) {
      const m = /^---([a-z]+)---/.exec(text.slice(i, i + 32));
      if (!m) fail("expected '---functions---' or '---types---'", i);
      if (m![1] !== 'functions' && m![1] !== 'types') fail(`unknown section '---${m![1]}---'`, i);
      tokens.push({ kind: 'section', text: m![1]!, line, column: i - lineStart + 1 });
      i += m![0].length;
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      i++;
      for (;;) {
        while (i < n && isIdentPart(text.charCodeAt(i))) i++;
        // A dot continues a namespaced name only when a letter follows
        // (`messages.sendMessage`); `flags.0` is name, '.', number.
        if (text.charCodeAt(i) === 46 && isIdentStart(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
      push('ident', start, i);
      if (text.charCodeAt(i) === 35 /* # */ && isHex(text.charCodeAt(i + 1))) {
        const idStart = i;
        i++;
        while (i < n && isHex(text.charCodeAt(i))) i++;
        if (i - idStart - 1 > 8) fail('constructor id longer than 8 hex digits', idStart);
        if (isIdentPart(text.charCodeAt(i))) fail('invalid character in constructor id', i);
        push('id', idStart, i);
      }
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      push('number', start, i);
      continue;
    }
    if (PUNCT.includes(text[i]!)) {
      push('punct', i, i + 1);
      i++;
      continue;
    }
    fail(`unexpected character '${text[i]}'`, i);
  }
  tokens.push({ kind: 'eof', text: '', line, column: i - lineStart + 1 });
  return { tokens, layer };
}
