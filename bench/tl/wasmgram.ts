/**
 * wasmgram's TL codec, called the way an application calls it: `encode(obj)`,
 * `decode(bytes)` / `decodeRequest(bytes)` with default options (generated
 * per-constructor readers and writers, JS engine, `bytes` of 1 KiB or more returned as views of the input).
 */
import { decode, decodeRequest, encode } from '../../ts/tl/codec/index.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';
import { type CaseName, containerWithSizes, fixture, isRequest } from './fixtures.js';
import type { Impl, Op, Prepared } from './impls.js';

/** The object of a case as wasmgram encodes it (container message sizes filled in). */
export function wasmgramObject(c: CaseName): AnyTlObject {
  const obj = fixture(c);
  const full = c === 'container-20' ? containerWithSizes(obj, (body) => encode(body as AnyTlObject).length) : obj;
  return full as unknown as AnyTlObject;
}

async function prepare(op: Op, c: CaseName): Promise<Prepared> {
  const obj = wasmgramObject(c);
  const bytes = encode(obj);
  if (op === 'encode') return { run: () => encode(obj), size: bytes.length, output: (r) => r };
  const run = isRequest(c) ? () => decodeRequest(bytes) : () => decode(bytes);
  return { run, size: bytes.length, output: (r) => r };
}

export const impl: Impl = { name: 'wasmgram', layer: 227, prepare };
