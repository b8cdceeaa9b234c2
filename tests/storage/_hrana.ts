/**
 * A loopback libSQL server double for tests: the subset of Hrana 2 over
 * HTTP (JSON, https://github.com/tursodatabase/libsql/blob/main/docs/HRANA_2_SPEC.md
 * and HTTP_V2_SPEC.md) that @libsql/client 0.x sends — `POST /v2/pipeline`
 * with `execute`, `batch` (step conditions), `store_sql`/`close_sql`,
 * `get_autocommit`, `sequence` and `close`, streams kept across requests by
 * baton, `Authorization: Bearer` checked — over a local database file, each
 * stream on its own local @libsql/client `file:` client. No sqld can be
 * installed here (see libsql-remote.test.ts). Used by the remote storage
 * tests and by the runtime suite (the serverless Worker's session in workerd).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Client, createClient, type InValue, type Transaction } from '@libsql/client';

type Value =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };
interface Stmt {
  sql?: string;
  sql_id?: number;
  args?: Value[];
  named_args?: { name: string; value: Value }[];
  want_rows?: boolean;
}
type Cond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: Cond }
  | { type: 'and' | 'or'; conds: Cond[] }
  | { type: 'is_autocommit' };
type Req =
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; batch: { steps: { condition?: Cond | null; stmt: Stmt }[] } }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'sequence'; sql?: string; sql_id?: number }
  | { type: 'get_autocommit' }
  | { type: 'close' };

/** One Hrana stream: a connection of its own, so a transaction spans requests. */
interface Stream {
  db: Client;
  sqls: Map<number, string>;
  tx: Transaction | undefined;
}

/** The bearer token the double accepts. */
export const HRANA_TOKEN = 'test-token-0123456789';

function toValue(v: unknown): Value {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'bigint') return { type: 'integer', value: v.toString() };
  if (typeof v === 'number') return Number.isInteger(v) ? { type: 'integer', value: String(v) } : { type: 'float', value: v };
  if (typeof v === 'string') return { type: 'text', value: v };
  if (v instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(v).toString('base64') };
  if (v instanceof ArrayBuffer) return { type: 'blob', base64: Buffer.from(v).toString('base64') };
  throw new Error(`unexpected column value ${typeof v}`);
}

function fromValue(v: Value): InValue {
  switch (v.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(v.value);
    case 'float':
      return v.value;
    case 'text':
      return v.value;
    case 'blob':
      return new Uint8Array(Buffer.from(v.base64, 'base64'));
  }
}

async function execute(s: Stream, stmt: Stmt) {
  const sql = stmt.sql ?? s.sqls.get(stmt.sql_id ?? -1);
  if (sql === undefined) throw new Error('SQL_NOT_FOUND');
  const args = stmt.named_args?.length
    ? Object.fromEntries(stmt.named_args.map((a) => [a.name, fromValue(a.value)]))
    : (stmt.args ?? []).map(fromValue);
  const [word, mode] = (/^\s*(\w+)(?:\s+(\w+))?/.exec(sql) ?? []).slice(1).map((w) => w?.toUpperCase());
  const empty = { cols: [], rows: [], affected_row_count: 0, last_insert_rowid: null };
  if (word === 'BEGIN') {
    if (s.tx) throw new Error('SQLITE_ERROR: cannot start a transaction within a transaction');
    s.tx = await s.db.transaction(mode === 'IMMEDIATE' || mode === 'EXCLUSIVE' ? 'write' : 'deferred');
    return empty;
  }
  if (word === 'COMMIT' || word === 'END' || word === 'ROLLBACK') {
    const tx = s.tx;
    if (!tx) throw new Error(`SQLITE_ERROR: cannot ${word.toLowerCase()} - no transaction is active`);
    s.tx = undefined;
    await (word === 'ROLLBACK' ? tx.rollback() : tx.commit());
    return empty;
  }
  const r = await (s.tx ?? s.db).execute({ sql, args });
  return {
    cols: r.columns.map((name, i) => ({ name, decltype: r.columnTypes[i] || null })),
    rows: stmt.want_rows === false ? [] : r.rows.map((row) => r.columns.map((_, i) => toValue(row[i]))),
    affected_row_count: r.rowsAffected,
    last_insert_rowid: r.lastInsertRowid === undefined ? null : String(r.lastInsertRowid),
  };
}

const errorOf = (e: unknown) => ({
  message: e instanceof Error ? e.message : String(e),
  code: (e as { code?: string }).code ?? 'SQLITE_ERROR',
});

async function runBatch(s: Stream, steps: { condition?: Cond | null; stmt: Stmt }[]) {
  const results: unknown[] = [];
  const errors: unknown[] = [];
  const holds = (c: Cond): boolean => {
    switch (c.type) {
      case 'ok':
        return results[c.step] != null;
      case 'error':
        return errors[c.step] != null;
      case 'not':
        return !holds(c.cond);
      case 'and':
        return c.conds.every(holds);
      case 'or':
        return c.conds.some(holds);
      case 'is_autocommit':
        return s.tx === undefined;
    }
  };
  for (const [i, step] of steps.entries()) {
    results[i] = null;
    errors[i] = null;
    if (step.condition && !holds(step.condition)) continue;
    try {
      results[i] = await execute(s, step.stmt);
    } catch (e) {
      errors[i] = errorOf(e);
    }
  }
  return { step_results: results, step_errors: errors };
}

/** A Hrana-over-HTTP (v2, JSON) server on 127.0.0.1 over the database file `file`. */
export async function startHranaServer(
  file: string,
): Promise<{ url: string; server: Server; requests: () => number; close: () => Promise<void> }> {
  const streams = new Map<string, Stream>();
  let batons = 0;
  let requests = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v2/pipeline') return send(404, { message: 'not found' });
    if (req.headers.authorization !== `Bearer ${HRANA_TOKEN}`) return send(401, { message: 'unauthorized' });
    requests++;
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = JSON.parse(text) as { baton?: string | null; requests: Req[] };
    let stream: Stream | undefined;
    if (body.baton) {
      stream = streams.get(body.baton);
      if (!stream) return send(400, { message: 'unknown baton' });
      streams.delete(body.baton);
    }
    stream ??= { db: createClient({ url: `file:${file}`, intMode: 'bigint' }), sqls: new Map(), tx: undefined };
    const s = stream;
    let closed = false;
    const results: unknown[] = [];
    // In order: a pipeline's requests run one after another on the stream.
    for (const r of body.requests) results.push(await run(r));
    async function run(r: Req): Promise<unknown> {
      try {
        switch (r.type) {
          case 'execute':
            return { type: 'ok', response: { type: 'execute', result: await execute(s, r.stmt) } };
          case 'batch':
            return { type: 'ok', response: { type: 'batch', result: await runBatch(s, r.batch.steps) } };
          case 'store_sql':
            s.sqls.set(r.sql_id, r.sql);
            return { type: 'ok', response: { type: 'store_sql' } };
          case 'close_sql':
            s.sqls.delete(r.sql_id);
            return { type: 'ok', response: { type: 'close_sql' } };
          case 'sequence':
            await s.db.executeMultiple(r.sql ?? s.sqls.get(r.sql_id ?? -1) ?? '');
            return { type: 'ok', response: { type: 'sequence' } };
          case 'get_autocommit':
            return { type: 'ok', response: { type: 'get_autocommit', is_autocommit: s.tx === undefined } };
          case 'close':
            closed = true;
            return { type: 'ok', response: { type: 'close' } };
          default:
            return { type: 'error', error: { message: `unsupported request ${(r as { type: string }).type}` } };
        }
      } catch (e) {
        return { type: 'error', error: errorOf(e) };
      }
    }
    let baton: string | null = null;
    if (closed) {
      // A transaction left open by a closed stream is rolled back, as sqld does.
      await s.tx?.rollback();
      s.tx?.close();
      s.db.close();
    } else {
      baton = `b${++batons}`;
      streams.set(baton, s);
    }
    send(200, { baton, base_url: null, results });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug of this double: visible in the failing test's output.
      console.error('hrana test server:', e);
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests: () => requests,
    close: async () => {
      for (const s of streams.values()) {
        s.tx?.close();
        s.db.close();
      }
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
