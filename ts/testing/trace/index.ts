/**
 * The test server's protocol trace (issue 9, item 4): every decrypted
 * message both ways and every decision the server made, one line each —
 * JSONL in a file, readable text on a terminal. See tracer.ts.
 */
export { Tracer, type TraceWhere } from './tracer.js';
export { tracerFor, type TraceOption } from './trace-option.js';
export type { TraceEventKind, TraceRecord, TraceSink } from './trace-record.js';
export { callbackSink, formatTraceLine, jsonlSink, textSink } from './trace-sinks.js';
export { stderrTraceSink, traceFileSink } from './node-trace-sinks.js';
