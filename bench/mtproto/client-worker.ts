/**
 * One client library in its own process (forked by workers.ts with an IPC
 * channel, structured-clone serialization). It loads only that library, so
 * its heap, GC and JIT state never land on another library's clock, and
 * `process.cpuUsage()` here is that library's client CPU.
 *
 * Requests (each answered `{ id, ok, ... }` or `{ id, ok: false, error }`):
 *   init { impl, server }  → { name, version, notes, coldStart: true | reason }
 *   cold                   → { ms }  one cold start (new client → first answer), closing not timed
 *   open                   → signs in and runs the guard (workload.ts)
 *   settle { op, ms }      → full GC, then `ms` of untimed units
 *   slice { op, ms }       → { ops, wallMs, cpuMs }
 *   close                  → closes the client, then the process exits
 */
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { collectGarbage } from '../lib/timing.js';
import type { Impl, OpenClient } from './impls.js';
import { runSlice } from './measure.js';
import type { ServerInfo } from './server.js';
import { openAndCheck, payloads, SHAPES, type SteadyOp, unitFor, withTimeout } from './workload.js';

export type WorkerRequest =
  | { id: number; cmd: 'init'; impl: string; server: ServerInfo }
  | { id: number; cmd: 'cold' }
  | { id: number; cmd: 'open' }
  | { id: number; cmd: 'settle' | 'slice'; op: SteadyOp; ms: number }
  | { id: number; cmd: 'close' };

let impl: Impl | undefined;
let client: OpenClient | undefined;
const data = payloads();
const counters = new Map<SteadyOp, { i: number }>();

async function load(name: string, server: ServerInfo): Promise<Impl> {
  const crypto = await createCryptoProvider();
  switch (name) {
    case 'wasmgram':
      return (await import('./wasmgram.js')).wasmgramImpl(server, crypto);
    case 'mtcute':
      return (await import('./mtcute.js')).loadMtcute(server);
    case 'gramjs':
      return (await import('./gramjs.js')).loadGramJs(server);
    default:
      throw new Error(`unknown client library ${name}`);
  }
}

async function handle(req: WorkerRequest): Promise<Record<string, unknown>> {
  switch (req.cmd) {
    case 'init': {
      impl = await load(req.impl, req.server);
      return {
        name: impl.name,
        version: impl.version,
        notes: impl.notes,
        coldStart: impl.connect ? true : (impl.coldStartUnavailable ?? 'no cold start'),
      };
    }
    case 'cold': {
      if (!impl?.connect) throw new Error('no cold start');
      const t0 = performance.now();
      const c = await withTimeout(impl.connect(), 30_000, `${impl.name} cold start`);
      const ms = performance.now() - t0;
      await c.close();
      return { ms };
    }
    case 'open':
      if (!impl) throw new Error('not initialized');
      client = await openAndCheck(impl, data);
      return {};
    case 'settle':
    case 'slice': {
      if (!client) throw new Error('no open client');
      let counter = counters.get(req.op);
      if (!counter) counters.set(req.op, (counter = { i: 0 }));
      const unit = unitFor(req.op, client, data);
      if (req.cmd === 'settle') {
        collectGarbage('full');
        if (req.ms > 0) await runSlice(unit, SHAPES[req.op], req.ms, counter);
        return {};
      }
      return { ...(await runSlice(unit, SHAPES[req.op], req.ms, counter)) };
    }
    case 'close':
      await client?.close().catch(() => undefined);
      client = undefined;
      setImmediate(() => process.exit(0));
      return {};
  }
}

process.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (value) => process.send!({ id: req.id, ok: true, ...value }),
    (e: unknown) => process.send!({ id: req.id, ok: false, error: (e instanceof Error ? e.message : String(e)).split('\n')[0] }),
  );
});
// The parent went away: do not linger.
process.on('disconnect', () => process.exit(0));
