/**
 * ts/parsers: Markdown and HTML formatting, both ways — markup → plain text +
 * `MessageEntity[]` (what `messages.sendMessage` takes) and back. Offsets and
 * lengths are UTF-16 code units, as Telegram counts them. The dialects are in
 * README.md; https://core.telegram.org/api/entities
 */
export { compareEntities, type FormattedText, type OnFormatError, type ParseOptions, sortEntities } from './entities.js';
export { FormatError } from '../errors.js';
export { type FormatErrorReason, isFormatError } from './format-error.js';
export { parseHtml } from './html-parse.js';
export { escapeHtml } from './html-text.js';
export { unparseHtml } from './html-unparse.js';
export { parseMarkdown } from './markdown-parse.js';
export { unparseMarkdown } from './markdown-unparse.js';
