/**
 * The benchmark's side of client-worker.ts: one forked process per client
 * library, driven over IPC.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerRequest } from './client-worker.js';
import type { Slice } from './measure.js';
import type { ServerInfo } from './server.js';
import type { SteadyOp } from './workload.js';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client-worker.ts');

type Reply = { id: number; ok: boolean; error?: string } & Record<string, unknown>;
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface WorkerInfo {
  name: string;
  version: string;
  notes: string[];
  /** true, or why there is no cold start. */
  coldStart: true | string;
}

/** A client library running in its own process. */
export class ClientWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private exited: Error | undefined;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.ok) p.resolve(m);
      else p.reject(new Error(m.error ?? 'worker failed'));
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`client worker exited (${signal ?? code})`);
      for (const p of this.pending.values()) p.reject(this.exited);
      this.pending.clear();
    });
  }

  /** Forks a worker and loads library `impl` in it. */
  static async start(impl: string, server: ServerInfo): Promise<{ worker: ClientWorker; info: WorkerInfo }> {
    const child = fork(SCRIPT, [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker = new ClientWorker(child);
    try {
      // Only the data: a BenchServer also carries functions, which do not cross IPC.
      const info: ServerInfo = { dcs: server.dcs, rsaPublicKey: server.rsaPublicKey, publicKeyPem: server.publicKeyPem };
      const r = await worker.request({ cmd: 'init', impl, server: info });
      return {
        worker,
        info: { name: r.name as string, version: r.version as string, notes: r.notes as string[], coldStart: r.coldStart as true | string },
      };
    } catch (e) {
      worker.kill();
      throw e;
    }
  }

  private request(req: Request): Promise<Reply> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...req, id });
    });
  }

  /** One cold start; resolves with its ms (measured in the worker). */
  async cold(): Promise<number> {
    return (await this.request({ cmd: 'cold' })).ms as number;
  }

  /** Signs in and runs the guard. */
  async open(): Promise<void> {
    await this.request({ cmd: 'open' });
  }

  async settle(op: SteadyOp, ms: number): Promise<void> {
    await this.request({ cmd: 'settle', op, ms });
  }

  async slice(op: SteadyOp, ms: number): Promise<Slice> {
    const r = await this.request({ cmd: 'slice', op, ms });
    return { ops: r.ops as number, wallMs: r.wallMs as number, cpuMs: r.cpuMs as number };
  }

  /** Closes the client and waits for the process to end (killed after 5 s). */
  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.request({ cmd: 'close' }).catch(() => undefined);
    const timer = setTimeout(() => this.kill(), 5000);
    await done;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
