/**
 * The test server's protocol trace: every decrypted message both ways and
 * every decision, one record each, handed to a `TraceSink` (a JSONL file, a
 * terminal, or a callback). Built only when `TestServer.start({ trace })`
 * asks for it: without a tracer nothing is decoded twice.
 *
 * @example
 * ```ts
 * const lines: TraceRecord[] = [];
 * const server = await TestServer.start({ trace: (r) => lines.push(r) });
 * // ... a client logs in; lines hold every message with its msg_id and seq_no
 * ```
 */
import { TlError } from '../../errors.js';
import { decode, nameOf } from '../../tl/codec/index.js';
import { summarizeTl } from './tl-summary.js';
import type { TraceEventKind, TraceRecord, TraceSink } from './trace-record.js';

/** Where a record comes from: the DC, the connection (any object, numbered on first sight), the key and session. */
export interface TraceWhere {
  readonly dc: number;
  readonly conn: object;
  readonly authKeyId?: bigint;
  readonly sessionId?: bigint;
}

/** One message as the trace sees it. */
export interface TraceMessage {
  readonly msgId: bigint;
  readonly seqNo: number;
  /** The boxed body (decoded here), or an already decoded object. */
  readonly body?: Uint8Array;
  readonly obj?: unknown;
  /** The client's layer, when the body is in another layer than the server's. */
  readonly layer?: number;
}

const hex64 = (v: bigint): string => BigInt.asUintN(64, v).toString(16).padStart(16, '0');

/** Turns server events into trace records. One per server. */
export class Tracer {
  private readonly ids = new WeakMap<object, number>();
  private nextConn = 1;

  constructor(
    private readonly sink: TraceSink,
    /** Milliseconds (the server's clock). */
    private readonly clock: () => number = Date.now,
  ) {}

  /** A message received (`in`) or sent (`out`). */
  message(dir: 'in' | 'out', where: TraceWhere, m: TraceMessage, extra?: { event?: TraceEventKind; detail?: string }): void {
    let name: string | undefined;
    let tl: unknown;
    if (m.obj !== undefined) {
      tl = summarizeTl(m.obj);
      name = (m.obj as { _?: string })._;
    } else if (m.body) {
      ({ name, tl } = describe(m.body));
    }
    this.sink.write({
      ...this.base(dir, where),
      msgId: m.msgId.toString(),
      seqNo: m.seqNo,
      ...(name !== undefined && { name }),
      ...(tl !== undefined && { tl }),
      ...(m.layer !== undefined && { layer: m.layer }),
      ...(extra?.event && { event: extra.event }),
      ...(extra?.detail && { detail: extra.detail }),
    });
  }

  /** A decision: a refusal, a leniency, a layer conversion, a dropped packet... */
  note(where: TraceWhere, event: TraceEventKind, detail: string, m?: { msgId?: bigint; seqNo?: number; layer?: number }): void {
    this.sink.write({
      ...this.base('note', where),
      ...(m?.msgId !== undefined && { msgId: m.msgId.toString() }),
      ...(m?.seqNo !== undefined && { seqNo: m.seqNo }),
      ...(m?.layer !== undefined && { layer: m.layer }),
      event,
      detail,
    });
  }

  /** Releases the sink. */
  close(): void {
    this.sink.close?.();
  }

  private base(dir: TraceRecord['dir'], where: TraceWhere) {
    let conn = this.ids.get(where.conn);
    if (conn === undefined) this.ids.set(where.conn, (conn = this.nextConn++));
    return {
      time: new Date(this.clock()).toISOString(),
      dc: where.dc,
      conn,
      dir,
      ...(where.authKeyId !== undefined && { authKeyId: hex64(where.authKeyId) }),
      ...(where.sessionId !== undefined && { sessionId: hex64(where.sessionId) }),
    };
  }
}

/** Name and summary of a boxed body; bodies that do not decode show their constructor id and length. */
function describe(body: Uint8Array): { name: string | undefined; tl: unknown } {
  try {
    const obj = decode(body) as { _: string };
    return { name: obj._, tl: summarizeTl(obj) };
  } catch (e) {
    if (!(e instanceof TlError)) throw e;
    const id = body.length >= 4 ? new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true) : undefined;
    const name = id === undefined ? undefined : nameOf(id);
    const idText = id === undefined ? '' : `#${id.toString(16).padStart(8, '0')} `;
    return { name, tl: `${idText}(${body.length} bytes, not decodable in this layer)` };
  }
}
