/**
 * The TL binary codec: plain objects `{ _: 'name', ...fields }` to bytes and
 * back, driven by the generated schema table. https://core.telegram.org/mtproto/serialize
 */
import type { AnyRequest, AnyTlObject, ResultOf } from '../generated/types.js';
import { getSchema } from './load-schema.js';
import { TlReader, type ReadOptions } from './reader.js';
import { TlWriter } from './writer.js';

export { TlReader, type ReadOptions } from './reader.js';
export { TlWriter } from './writer.js';

/** Serializes a constructor or a function call, boxed (its id first). */
export function encode(obj: AnyTlObject | AnyRequest): Uint8Array {
  const w = new TlWriter();
  w.object(obj);
  return w.result();
}

/**
 * Deserializes one boxed object of either schema (a `gzip_packed` one is
 * inflated transparently). Trailing bytes are an error.
 *
 * @throws TlError with the byte offset on malformed input
 */
export function decode(bytes: Uint8Array, options?: ReadOptions): AnyTlObject {
  const r = new TlReader(bytes, 0, options);
  const v = r.object();
  r.expectEnd();
  return v;
}

/** Deserializes a boxed function call (what a server receives). */
export function decodeRequest(bytes: Uint8Array, options?: ReadOptions): AnyRequest {
  const r = new TlReader(bytes, 0, options);
  const v = r.request();
  r.expectEnd();
  return v;
}

/**
 * Deserializes the result of `request` (the `result` of its `rpc_result`),
 * typed by the function's result type.
 */
export function decodeResult<R extends AnyRequest>(request: R, bytes: Uint8Array, options?: ReadOptions): ResultOf<R> {
  const r = new TlReader(bytes, 0, options);
  const v = r.result(request);
  r.expectEnd();
  return v as ResultOf<R>;
}

/** The constructor or function id of a TL name, or undefined when the schema has none. */
export function idOf(name: string): number | undefined {
  const s = getSchema();
  const d = s.byName.get(name);
  return d === undefined ? undefined : s.ids[d];
}

/** The TL name of a constructor or function id, or undefined when unknown. */
export function nameOf(id: number): string | undefined {
  const s = getSchema();
  const d = s.byId.get(id >>> 0);
  return d === undefined ? undefined : s.names[d];
}

