/**
 * The TL binary codec: plain objects `{ _: 'name', ...fields }` to bytes and
 * back, driven by the generated schema table. https://core.telegram.org/mtproto/serialize
 */
import { TlError } from '../../errors.js';
import type { AnyRequest, AnyTlObject, ResultOf } from '../generated/types.js';
import { decodeWithWasm } from '../wasm/tape-reader.js';
import { getTlModule } from '../wasm/tl-module.js';
import { DecodeBudget } from './budget.js';
import { canCompile, IC_WAYS, type InlineCache, newInlineCache, type ReadFn } from './compile.js';
import { getSchema } from './load-schema.js';
import { NO_OPTIONS, resultCodeOf, TlReader, type ReadOptions } from './reader.js';
import { DEF_FUNCTION, defByName } from './schema-table.js';
import { K_OBJECT, K_QUERY } from './type-code.js';
import { TlWriter, type WriteOptions } from './writer.js';

export { TlReader, VIEW_MIN_BYTES, type ReadOptions } from './reader.js';
export { DecodeBudget, DEFAULT_DECODE_LIMITS, type DecodeLimit, type DecodeLimits } from './budget.js';
export { DEFER_MIN_BYTES, TlWriter, type WriteOptions } from './writer.js';
export { createCodec, type LayerObject, type TlCodec } from './create-codec.js';
export { schemaFromText, type SchemaTextOptions } from './schema-from-text.js';
export type { SchemaTable } from './schema-table.js';

/**
 * Serializes a constructor or a function call, boxed (its id first).
 *
 * @throws TlError naming the field, e.g. `messages.sendMessage.peer: inputUserSelf is not InputPeer`
 */
export function encode(obj: AnyTlObject | AnyRequest, options?: WriteOptions): Uint8Array {
  if (options !== undefined) {
    const w = new TlWriter(options);
    w.deferLargeBytes = true;
    w.object(obj);
    return w.result();
  }
  // One scratch writer for all calls: encoding is synchronous, so it is never
  // shared by two calls at once, and it stops the buffer regrowing every time.
  let w = scratch;
  if (w === undefined) {
    w = scratch = new TlWriter({ initialSize: 4096 });
    // Large `bytes` (file parts) are copied once, straight into the result.
    w.deferLargeBytes = true;
  }
  w.reset();
  try {
    w.object(obj);
    return w.result();
  } finally {
    w.reset(); // drops the held values: the caller's arrays are not kept alive
    if (w.capacity > 1 << 20) scratch = undefined; // do not pin a huge buffer
  }
}

let scratch: TlWriter | undefined;

/**
 * Reads one value of type `code` that must fill `bytes` exactly, with the
 * engine the options ask for (see `ReadOptions.engine`).
 */
function decodeValue(bytes: Uint8Array, code: number, options: ReadOptions = NO_OPTIONS): unknown {
  if ((options.engine ?? DEFAULT_ENGINE) === 'wasm' && options.schema === undefined && options.compile !== false && canCompile()) {
    const s = getSchema();
    const mod = getTlModule(s);
    if (mod) {
      const budget = options.budget ?? new DecodeBudget(options);
      const inflated = budget.inflated;
      const objects = budget.objects;
      try {
        return decodeWithWasm(mod, s, bytes, code, options.maxDepth ?? budget.maxDepth, budget, options.views, true);
      } catch (e) {
        if (!(e instanceof TlError)) throw e;
        // The scanner reports a short error code; the JS reader stops at the
        // same byte and says exactly what is wrong there (it is given the
        // budget as it was before this call). Where the JS reader accepts
        // (a scanner built before `Object` admitted function calls), its result stands.
        budget.inflated = inflated;
        budget.objects = objects;
        budget.exceeded = undefined;
        return decodeValue(bytes, code, { ...options, budget, engine: 'js' });
      }
    }
  }
  if (options === NO_OPTIONS) {
    // No options: one reader (and budget) serves every such call. Decoding is
    // synchronous and never calls out, so it is never in use twice at once;
    // a gzip_packed payload gets a reader of its own.
    const r = (defaultReader ??= new TlReader(new Uint8Array(0), 0, NO_OPTIONS));
    r.rebind(bytes);
    try {
      let v: unknown;
      if (code === K_OBJECT || code === K_QUERY) {
        // The top-level object through an inline cache (see compile.ts): the
        // same constructor as last time is an id compare and a direct call.
        const ic = code === K_OBJECT ? objectCache : queryCache;
        const id = r.boxedHead(0);
        const k = (id & (IC_WAYS - 1)) << 1;
        v = id === ic[k] ? (ic[k + 1] as ReadFn)(r.tick(), 1) : r.boxedMiss(id, code, 0, ic, k);
      } else {
        v = r.value(code, 0);
      }
      r.expectEnd();
      return v;
    } finally {
      r.release(); // do not keep the caller's input alive
    }
  }
  const r = new TlReader(bytes, 0, options);
  const v = r.value(code, 0);
  r.expectEnd();
  return v;
}

let defaultReader: TlReader | undefined;
/** Inline caches of the top-level constructor of `decode` and `decodeRequest` (one call site each, as compile.ts's). */
const objectCache: InlineCache = newInlineCache();
const queryCache: InlineCache = newInlineCache();

/** Engine used when `ReadOptions.engine` is not given: JS, by measurement (see ts/tl/README.md, bench/tl). */
const DEFAULT_ENGINE: 'js' | 'wasm' = 'js';

/**
 * Deserializes one boxed object of either schema (a `gzip_packed` one is
 * inflated transparently). Trailing bytes are an error.
 *
 * @throws TlError with the byte offset on malformed input
 */
export function decode(bytes: Uint8Array, options?: ReadOptions): AnyTlObject {
  return decodeValue(bytes, K_OBJECT, options) as AnyTlObject;
}

/** Deserializes a boxed function call (what a server receives). */
export function decodeRequest(bytes: Uint8Array, options?: ReadOptions): AnyRequest {
  return decodeValue(bytes, K_QUERY, options) as AnyRequest;
}

/**
 * Deserializes the result of `request` (the `result` of its `rpc_result`),
 * typed by the function's result type.
 */
export function decodeResult<R extends AnyRequest>(request: R, bytes: Uint8Array, options?: ReadOptions): ResultOf<R> {
  return decodeValue(bytes, resultCodeOf(options?.schema ?? getSchema(), request), options) as ResultOf<R>;
}

/** The constructor or function id of a TL name, or undefined when the schema has none. */
export function idOf(name: string): number | undefined {
  const s = getSchema();
  const d = defByName(s, name);
  return d === undefined ? undefined : s.ids[d];
}

/** True when `name` is a function (a method or an MTProto function call) of the schema, not a constructor. */
export function isTlFunction(name: string): boolean {
  const s = getSchema();
  const d = defByName(s, name);
  return d !== undefined && (s.flags[d]! & DEF_FUNCTION) !== 0;
}

/** The TL name of a constructor or function id, or undefined when unknown. */
export function nameOf(id: number): string | undefined {
  const s = getSchema();
  const d = s.byId.get(id >>> 0);
  return d === undefined ? undefined : s.names[d];
}
