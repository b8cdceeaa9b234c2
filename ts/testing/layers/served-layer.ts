/**
 * One older API layer as the test server speaks it: its codec, and the
 * generated conversions to and from the server's own layer (convert.ts).
 * Requests are read with the client's schema and converted up; answers and
 * updates are built in the server's layer and converted down.
 * https://core.telegram.org/api/invoking#layers
 */
import { TlError } from '../../errors.js';
import { createCodec, type DecodeBudget, type SchemaTable, type TlCodec } from '../../tl/codec/index.js';
import { getSchema } from '../../tl/codec/load-schema.js';
import { resultCodeOf } from '../../tl/codec/reader.js';
import { TlReader } from '../../tl/codec/reader.js';
import type { AnyRequest, AnyTlObject } from '../../tl/generated/types.js';
import type { TraceMessage } from '../trace/tracer.js';
import { LayerConverter } from './convert.js';

const EMPTY: string[] = [];

/** An API layer other than the server's, with the conversions both ways. */
export class ServedLayer {
  /** Encode/decode in this layer. */
  readonly codec: TlCodec;
  private readonly up: LayerConverter;
  private readonly down: LayerConverter;
  private readonly current: SchemaTable;
  /** Conversion decisions not yet taken by `takeNotes` (when no `onNote` was given). */
  private notes: string[] = [];
  /** Where decisions go: `onNote`, or `notes`. */
  private readonly say: (note: string) => void;

  /**
   * @param schema the layer's table (schemaFromText)
   * @param onNote a conversion decision worth a trace line (said once per kind);
   *   without it decisions wait in `takeNotes`
   */
  constructor(schema: SchemaTable, onNote?: (note: string) => void) {
    this.codec = createCodec(schema);
    this.current = getSchema();
    this.say = onNote ?? ((n: string) => void this.notes.push(n));
    this.up = new LayerConverter(schema, this.current, this.say);
    this.down = new LayerConverter(this.current, schema, this.say);
  }

  /**
   * The conversion decisions made since the last call (a constructor written
   * as another, one dropped), each said once per server: for the trace.
   */
  takeNotes(): string[] {
    if (this.notes.length === 0) return EMPTY;
    const out = this.notes;
    this.notes = [];
    return out;
  }

  /** The API layer number. */
  get layer(): number {
    return this.codec.layer;
  }

  /**
   * Reads a client message (a function call or a service object) of this
   * layer, within the packet's budget, as an object of the server's layer.
   *
   * @throws TlError for bytes that do not decode, or a function the server's layer lacks
   */
  read(body: Uint8Array, budget: DecodeBudget): AnyTlObject | AnyRequest {
    const r = new TlReader(body, 0, { budget, schema: this.codec.schema });
    const obj = r.object();
    r.expectEnd();
    const up = this.up.object(obj);
    if (up === undefined) throw new TlError(`layer ${this.layer}: ${obj._} has no equivalent in the server's layer`);
    return up as unknown as AnyTlObject | AnyRequest;
  }

  /**
   * The answer to `request` (an object of the server's layer, as `read`
   * gave it) in this layer: `bytes` (the server's encoding of the result)
   * are read, converted and written again.
   *
   * @throws TlError when the result cannot be expressed in this layer
   */
  result(request: AnyRequest, bytes: Uint8Array): Uint8Array {
    const value = new TlReader(bytes, 0, {}).value(resultCodeOf(this.current, request), 0);
    const code = this.codec.resultCode(request);
    const conv = this.down.value(code, value);
    if (conv === undefined) throw new TlError(`layer ${this.layer}: the result of ${request._} cannot be written in this layer`);
    return this.codec.encodeValue(code, conv);
  }

  /**
   * A message body of this layer decoded as is (not converted), for the
   * trace: what the client sent or received. Undefined when it does not
   * decode; at most 1 MiB inflated, so tracing costs little on hostile input.
   */
  describe(body: Uint8Array): unknown {
    try {
      return this.codec.decode(body, { maxInflated: 1 << 20, maxObjects: 100_000 });
    } catch {
      return undefined;
    }
  }

  /** An object of the server's layer (e.g. pushed `updates`) in this layer; undefined when this layer has no equivalent (dropped). */
  object(obj: AnyTlObject): Uint8Array | undefined {
    try {
      const conv = this.down.object(obj);
      return conv === undefined ? undefined : this.codec.encode(conv);
    } catch (e) {
      // A pushed object this layer cannot hold is left out, as an unknown update is; said in the trace.
      if (!(e instanceof TlError)) throw e;
      this.say(`layer ${this.layer}: ${obj._} left out: ${e.message}`);
      return undefined;
    }
  }

  /** An object of the server's layer converted to this layer's form (not encoded); undefined when dropped. */
  convertDown(obj: AnyTlObject): { _: string; [field: string]: unknown } | undefined {
    return this.down.object(obj);
  }
}

/**
 * What the trace records for a message body: as is in the server's layer
 * (the tracer decodes it), or decoded in the client's older layer (with that
 * layer's number), so a trace line shows what went over the wire.
 */
export function traceBody(
  layer: ServedLayer | undefined,
  asked: number | undefined,
  m: { msgId: bigint; seqNo: number; body: Uint8Array },
): TraceMessage {
  if (!layer) return m;
  const obj = layer.describe(m.body);
  return obj === undefined ? { ...m, layer: asked } : { msgId: m.msgId, seqNo: m.seqNo, obj, layer: asked };
}
