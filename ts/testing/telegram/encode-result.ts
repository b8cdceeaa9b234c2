/**
 * Serializing a method's result by the method's declared result type. Most
 * results are boxed objects (`encode` does them), but some are not objects
 * at all — `users.getUsers` returns `Vector<User>`, `auth.cancelCode` a
 * `Bool` — so the result type of the request decides how to write it.
 * https://core.telegram.org/mtproto/serialize
 */
import { getSchema } from '../../tl/codec/load-schema.js';
import { resultCodeOf } from '../../tl/codec/reader.js';
import { TlWriter } from '../../tl/codec/writer.js';
import type { AnyRequest, ResultOf } from '../../tl/generated/types.js';

/**
 * The bytes of `result` as the answer to `request` (wrappers such as
 * `invokeWithLayer` resolve to their inner query's type): what goes into
 * `rpc_result.result`.
 *
 * @throws TlError when `result` does not fit the schema (naming the field)
 */
export function encodeResult<R extends AnyRequest>(request: R, result: ResultOf<R> | unknown): Uint8Array {
  const w = new TlWriter();
  w.value(resultCodeOf(getSchema(), request), result);
  return w.result();
}
