/**
 * Trace sinks on Node: a JSONL file (written synchronously, line by line, so
 * a crash loses nothing and a test can read the file right after
 * `server.stop()`), and readable text on stderr. Platform adapter: the only
 * trace file that imports node:*.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { TraceSink } from './trace-record.js';
import { jsonlSink, textSink } from './trace-sinks.js';

/** A JSONL trace file at `path` (created or truncated). */
export function traceFileSink(path: string): TraceSink {
  const fd = openSync(path, 'w');
  let open = true;
  return jsonlSink(
    (line) => {
      if (open) writeSync(fd, `${line}\n`);
    },
    () => {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  );
}

/** Readable text on stderr (a terminal). */
export function stderrTraceSink(): TraceSink {
  return textSink((line) => process.stderr.write(`${line}\n`));
}
