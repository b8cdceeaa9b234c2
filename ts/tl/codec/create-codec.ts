import { getSchema } from './load-schema.js';
import { resultCodeOf, TlReader, type ReadOptions } from './reader.js';
import { schemaFromText, type SchemaTextOptions } from './schema-from-text.js';
import { DEF_FUNCTION, type SchemaTable } from './schema-table.js';
import { K_OBJECT, K_QUERY } from './type-code.js';
import { TlWriter, type WriteOptions } from './writer.js';

/** A plain TL value of some layer: `{ _: 'name', ...fields }`. Not typed: the generated types describe only the default layer. */
export type LayerObject = { _: string; [field: string]: unknown };

/**
 * Encode and decode bound to one schema: the generated layer or any other
 * layer built with `schemaFromText`. Same wire rules, limits and errors as
 * the default `encode`/`decode` (always the JS reader).
 */
export interface TlCodec {
  /** The schema table every call uses. */
  readonly schema: SchemaTable;
  /** The API layer number of the schema. */
  readonly layer: number;
  /** A constructor or function call, boxed. @throws TlError naming the field */
  encode(obj: LayerObject, options?: Omit<WriteOptions, 'schema'>): Uint8Array;
  /** One value of type code `code` (e.g. a function's result type, `resultCode`). */
  encodeValue(code: number, value: unknown): Uint8Array;
  /** One boxed constructor or function call; trailing bytes are an error. @throws TlError with the offset */
  decode(bytes: Uint8Array, options?: Omit<ReadOptions, 'schema' | 'engine'>): LayerObject;
  /** One boxed function call (what a server reads). */
  decodeRequest(bytes: Uint8Array, options?: Omit<ReadOptions, 'schema' | 'engine'>): LayerObject;
  /** One value of type code `code`. */
  decodeValue(bytes: Uint8Array, code: number, options?: Omit<ReadOptions, 'schema' | 'engine'>): unknown;
  /** The type code of what `request` returns (through wrappers such as `invokeWithLayer`). @throws TlError for a non-function */
  resultCode(request: { _: string }): number;
  /** Id of a name, or undefined. */
  idOf(name: string): number | undefined;
  /** Name of an id, or undefined. */
  nameOf(id: number): string | undefined;
  /** True for a function (method) of the schema. */
  isFunction(name: string): boolean;
}

/**
 * A codec bound to `schema`: a `SchemaTable`, or the text of an API layer
 * (read with the MTProto schema `mtprotoTl`, see `schemaFromText`). The
 * default codec (`encode`, `decode`) stays bound to the generated layer.
 *
 * @example
 * const old = createCodec(schemaFromText(api198Tl, mtprotoTl, { layer: 198 }));
 * const bytes = old.encode({ _: 'help.getConfig' });
 * old.decodeRequest(bytes); // { _: 'help.getConfig' }
 */
export function createCodec(schema: SchemaTable | { apiTl: string; mtprotoTl: string; options?: SchemaTextOptions }): TlCodec {
  const s = 'apiTl' in schema ? schemaFromText(schema.apiTl, schema.mtprotoTl, schema.options) : schema;
  // The default table keeps the default codec's fast paths (its module-level caches).
  const own = s === getSchema() ? undefined : s;
  const read = (bytes: Uint8Array, code: number, options?: ReadOptions): unknown => {
    const r = new TlReader(bytes, 0, { ...options, schema: own });
    const v = r.value(code, 0);
    r.expectEnd();
    return v;
  };
  const write = (code: number, value: unknown, options?: WriteOptions): Uint8Array => {
    const w = new TlWriter({ ...options, schema: own });
    w.value(code, value);
    return w.result();
  };
  return {
    schema: s,
    layer: s.layer,
    encode: (obj, options) => {
      const w = new TlWriter({ ...options, schema: own });
      w.object(obj as never);
      return w.result();
    },
    encodeValue: (code, value) => write(code, value),
    decode: (bytes, options) => read(bytes, K_OBJECT, options) as LayerObject,
    decodeRequest: (bytes, options) => read(bytes, K_QUERY, options) as LayerObject,
    decodeValue: (bytes, code, options) => read(bytes, code, options),
    resultCode: (request) => resultCodeOf(s, request),
    idOf: (name) => {
      const d = s.byName.get(name);
      return d === undefined ? undefined : s.ids[d];
    },
    nameOf: (id) => {
      const d = s.byId.get(id >>> 0);
      return d === undefined ? undefined : s.names[d];
    },
    isFunction: (name) => {
      const d = s.byName.get(name);
      return d !== undefined && (s.flags[d]! & DEF_FUNCTION) !== 0;
    },
  };
}
