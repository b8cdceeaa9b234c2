/**
 * `TestServer.start({ trace })`: what the option may be, and the tracer it
 * makes.
 */
import { stderrTraceSink, traceFileSink } from './node-trace-sinks.js';
import type { TraceRecord, TraceSink } from './trace-record.js';
import { Tracer } from './tracer.js';

/**
 * `true`: readable text on stderr; a string: a JSONL file at that path; a
 * `TraceSink` or a function: the records themselves. `false`/undefined: no trace.
 */
export type TraceOption = boolean | string | TraceSink | ((record: TraceRecord) => void);

/** The tracer for `option` (undefined when tracing is off). */
export function tracerFor(option: TraceOption | undefined, clock: () => number): Tracer | undefined {
  if (option === undefined || option === false) return undefined;
  const sink: TraceSink =
    option === true
      ? stderrTraceSink()
      : typeof option === 'string'
        ? traceFileSink(option)
        : typeof option === 'function'
          ? { write: option }
          : option;
  return new Tracer(sink, clock);
}
