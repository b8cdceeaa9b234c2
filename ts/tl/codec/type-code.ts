/**
 * How the compact schema table (generated into ts/tl/generated/schema.ts)
 * describes a field type in one integer, shared by the generator, the JS codec
 * and the WASM scanner:
 *
 *   bits 0..3  base kind (K_*)
 *   bits 4..5  wrapping: 0 none, 1 boxed `Vector<T>`, 2 bare `vector<T>`
 *   bits 6..   index: the abstract type (K_TYPE) or the constructor (K_BARE)
 *
 * Wire formats: https://core.telegram.org/mtproto/serialize
 */

/** `int`: 32-bit little-endian; a JS number. */
export const K_INT = 0;
/** `long`: 64-bit little-endian; a JS bigint. */
export const K_LONG = 1;
/** `double`: IEEE 754 little-endian; a JS number. */
export const K_DOUBLE = 2;
/** `string`: TL bytes holding UTF-8; a JS string. */
export const K_STRING = 3;
/** `bytes`: length-prefixed, padded to 4; a Uint8Array. */
export const K_BYTES = 4;
/** `int128`: 16 raw bytes; a Uint8Array. */
export const K_INT128 = 5;
/** `int256`: 32 raw bytes; a Uint8Array. */
export const K_INT256 = 6;
/** `Bool`: boxed boolTrue/boolFalse; a JS boolean. */
export const K_BOOL = 7;
/** `true` (only in `flags.N?true`): no bytes, the flag bit is the value. */
export const K_TRUE = 8;
/** `#`: a flags word; never exposed, computed on encode. */
export const K_FLAGS = 9;
/** A boxed abstract type (constructor id first); index = type number. */
export const K_TYPE = 10;
/** A bare constructor (no id on the wire); index = definition number. */
export const K_BARE = 11;
/** `Object`: any boxed constructor of either schema. */
export const K_OBJECT = 12;
/** `!X`: a serialized function call (any boxed function). */
export const K_QUERY = 13;
/** Result type `X` of a wrapper such as invokeWithLayer: the wrapped query's result. */
export const K_GENERIC = 14;

export const WRAP_NONE = 0;
export const WRAP_VECTOR = 1;
export const WRAP_BARE_VECTOR = 2;

/** Builds a type code. */
export const typeCode = (kind: number, wrap = WRAP_NONE, index = 0): number => kind | (wrap << 4) | (index << 6);
/** Base kind of a type code. */
export const kindOf = (code: number): number => code & 15;
/** Wrapping of a type code. */
export const wrapOf = (code: number): number => (code >> 4) & 3;
/** Index (type or definition) of a type code. */
export const indexOf = (code: number): number => code >>> 6;

/** Ids the codec knows without a table. https://core.telegram.org/mtproto/serialize */
export const ID_VECTOR = 0x1cb5c415;
export const ID_BOOL_TRUE = 0x997275b5;
export const ID_BOOL_FALSE = 0xbc799737;
/** gzip_packed#3072cfa1 packed_data:bytes = Object; https://core.telegram.org/mtproto/service_messages#packed-object */
export const ID_GZIP_PACKED = 0x3072cfa1;
