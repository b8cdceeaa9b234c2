/**
 * A real redis-server for the Redis FSM storage tests: started on a free
 * loopback port with persistence off, and a tiny RESP2 client (just what
 * {@link RedisClientLike} needs, plus FLUSHALL/PTTL/QUIT) so the project does
 * not need a Redis package. A missing redis-server fails naming the Debian package.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RedisClientLike } from '../../ts/fsm/index.js';

function which(binary: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin'])) {
    try {
      execFileSync('test', ['-x', join(dir, binary)]);
      return join(dir, binary);
    } catch {}
  }
  throw new Error(`${binary} is not installed: run \`apt-get install -y redis-server\` (the Redis FSM storage tests need a real server)`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Reply = string | number | null | Reply[] | Error;

/** A minimal RESP2 client over one socket; replies come back in request order. */
export class RespClient implements RedisClientLike {
  private buffer = Buffer.alloc(0);
  private readonly waiting: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const parsed = parse(this.buffer, 0);
        if (!parsed) break;
        this.buffer = this.buffer.subarray(parsed[1]);
        const w = this.waiting.shift();
        if (w) (parsed[0] instanceof Error ? w.reject : w.resolve)(parsed[0] as never);
      }
    });
    socket.on('close', () => {
      for (const w of this.waiting.splice(0)) w.reject(new Error('redis connection closed'));
    });
  }

  static connect(port: number): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(new RespClient(s)));
      s.once('error', reject);
    });
  }

  command(...args: Array<string | number>): Promise<Reply> {
    const parts = args.map((a) => Buffer.from(String(a)));
    const head = `*${parts.length}\r\n`;
    const body = parts.map((p) => Buffer.concat([Buffer.from(`$${p.length}\r\n`), p, Buffer.from('\r\n')]));
    this.socket.write(Buffer.concat([Buffer.from(head), ...body]));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async get(key: string): Promise<string | null> {
    return (await this.command('GET', key)) as string | null;
  }
  set(key: string, value: string): Promise<unknown>;
  set(key: string, value: string, mode: 'PX', milliseconds: number): Promise<unknown>;
  set(key: string, value: string, mode?: 'PX', milliseconds?: number): Promise<unknown> {
    return mode ? this.command('SET', key, value, mode, milliseconds!) : this.command('SET', key, value);
  }
  del(key: string): Promise<unknown> {
    return this.command('DEL', key);
  }
  close(): void {
    this.socket.destroy();
  }
}

/** Parses one RESP2 value at `at`; undefined when the buffer does not hold all of it yet. */
function parse(buf: Buffer, at: number): [Reply, number] | undefined {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  if (type === '+') return [line, next];
  if (type === '-') return [new Error(line), next];
  if (type === ':') return [Number(line), next];
  if (type === '$') {
    const n = Number(line);
    if (n < 0) return [null, next];
    if (buf.length < next + n + 2) return undefined;
    return [buf.toString('utf8', next, next + n), next + n + 2];
  }
  if (type === '*') {
    const n = Number(line);
    if (n < 0) return [null, next];
    const items: Reply[] = [];
    let pos = next;
    for (let i = 0; i < n; i++) {
      const r = parse(buf, pos);
      if (!r) return undefined;
      items.push(r[0]);
      pos = r[1];
    }
    return [items, pos];
  }
  throw new Error(`bad RESP type ${type}`);
}

/** A running redis-server. */
export interface RedisServer {
  port: number;
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port with no persistence; waits (≤ 5 s) until it answers PING. */
export async function startRedis(): Promise<RedisServer> {
  const binary = which('redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wg-redis-'));
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const end = Date.now() + 5000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server exited with ${child.exitCode}:\n${out}`);
    }
    try {
      const c = await RespClient.connect(port);
      const pong = await c.command('PING');
      c.close();
      if (pong === 'PONG') break;
    } catch {}
    if (Date.now() > end) {
      await stop();
      throw new Error(`redis-server did not answer on ${port} within 5 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 30));
  }
  return { port, stop };
}
