/**
 * TL: the type language of every Telegram request and response.
 *
 * - Types: `import type { tl } from 'wasmgram/tl'` gives one discriminated
 *   union per TL type (`tl.InputPeer`, `tl.messages.Messages`), one interface
 *   per constructor (`tl.InputPeer.inputPeerUser`) and per function
 *   (`tl.messages.sendMessage`), the MTProto layer as `tl.mt`, and
 *   `ResultOf<R>` for what a request returns.
 * - Codec: `encode` / `decode` / `decodeResult` turn plain objects
 *   `{ _: 'name', ...fields }` into bytes and back; `TlReader` / `TlWriter`
 *   for hand-written framing. https://core.telegram.org/mtproto/serialize
 * - Schema: `parseSchema` reads `.tl` text (used by the build; exported for tools);
 *   `createCodec(schemaFromText(text, mtprotoTl))` encodes and decodes another layer.
 *
 * Value mapping: `int`/`double` → number, `long` → bigint, `string` → string,
 * `bytes`/`int128`/`int256` → Uint8Array (decoded `bytes` of 1 KiB or more are
 * views of the input by default: `ReadOptions.views`), `Bool` and `flags.N?true` → boolean,
 * `Vector<T>` → array; optional (`flags.N?T`) fields may be left out, and the
 * flags words are computed by the encoder.
 */
export type * as tl from './generated/types.js';
export type { AnyObject, AnyRequest, AnyTlObject, ResultOf } from './generated/types.js';
export { LAYER } from './generated/schema.js';
export {
  createCodec,
  DecodeBudget,
  DEFAULT_DECODE_LIMITS,
  DEFER_MIN_BYTES,
  decode,
  decodeRequest,
  decodeResult,
  encode,
  idOf,
  isTlFunction,
  nameOf,
  schemaFromText,
  TlReader,
  TlWriter,
  VIEW_MIN_BYTES,
  type LayerObject,
  type SchemaTable,
  type SchemaTextOptions,
  type TlCodec,
  type DecodeLimit,
  type DecodeLimits,
  type ReadOptions,
  type WriteOptions,
} from './codec/index.js';
export {
  canonicalText,
  computeId,
  crc32,
  formatDefinition,
  idMismatches,
  parseSchema,
  TlSyntaxError,
  type ParseOptions,
  type TlDefinition,
  type TlParam,
  type TlSchema,
  type TlType,
} from './parser/index.js';
export { TlError } from '../errors.js';
