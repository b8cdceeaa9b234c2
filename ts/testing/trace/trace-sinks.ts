/**
 * Trace sinks that need no platform: JSON lines or readable text handed to a
 * line writer, and a callback. The file and terminal adapters for Node are
 * in node-trace-sinks.ts.
 */
import { inlineTl } from './tl-summary.js';
import type { TraceRecord, TraceSink } from './trace-record.js';

/** One JSON object per record (JSONL), each line without its newline. */
export function jsonlSink(writeLine: (line: string) => void, close?: () => void): TraceSink {
  return { write: (r) => writeLine(JSON.stringify(r)), ...(close && { close }) };
}

/**
 * One readable line per record:
 * `12:00:01.250 dc2 #3 ← help.getConfig{} msg_id=… seq=1 key=… session=…`.
 */
export function formatTraceLine(r: TraceRecord): string {
  const time = r.time.slice(11, 23);
  const arrow = r.dir === 'in' ? '←' : r.dir === 'out' ? '→' : '!';
  const ids = [
    r.msgId !== undefined && `msg_id=${r.msgId}`,
    r.seqNo !== undefined && `seq=${r.seqNo}`,
    r.layer !== undefined && `layer=${r.layer}`,
    r.authKeyId !== undefined && `key=${r.authKeyId}`,
    r.sessionId !== undefined && `session=${r.sessionId}`,
  ]
    .filter(Boolean)
    .join(' ');
  const what =
    r.dir === 'note'
      ? `${r.event}: ${r.detail ?? ''}`
      : `${r.tl !== undefined ? inlineTl(r.tl) : (r.name ?? '?')}${r.event ? `  [${r.event}: ${r.detail ?? ''}]` : ''}`;
  return `${time} dc${r.dc} #${r.conn} ${arrow} ${what}${ids ? `  ${ids}` : ''}`;
}

/** Readable text, one line per record (see {@link formatTraceLine}). */
export function textSink(writeLine: (line: string) => void, close?: () => void): TraceSink {
  return { write: (r) => writeLine(formatTraceLine(r)), ...(close && { close }) };
}

/** Records to a callback, as they are. */
export function callbackSink(fn: (record: TraceRecord) => void): TraceSink {
  return { write: fn };
}
