/**
 * The `.tl` schema parser: text in, syntax tree out, every id checked
 * against the CRC-32 of its normalized declaration.
 */
export type { TlDefinition, TlGeneric, TlParam, TlSchema, TlType } from './ast.js';
export { canonicalText, computeId, formatDefinition } from './canonical.js';
export { crc32, crc32String } from './crc32.js';
export { idMismatches, parseSchema, type ParseOptions } from './parse.js';
export { TlSyntaxError } from './syntax-error.js';
