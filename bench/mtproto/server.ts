/**
 * The benchmark's side of `server-process.ts`: spawns the test server in a
 * child process, reads its ports and RSA key, and asks it for its CPU time
 * so each phase can report the server's share next to the client's.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { RsaPublicKey } from '../../ts/crypto/rsa.js';

export interface ServerDc {
  id: number;
  host: string;
  port: number;
}

/** What the child reports on `cpu`. */
export interface ServerCpu {
  cpuMs: number;
  rssMiB: number;
  stats: { connections: number; authKeys: number; messages: number; rpcCalls: Record<string, number> };
}

/** What a client needs to reach the server (passed to client worker processes as JSON). */
export interface ServerInfo {
  dcs: ServerDc[];
  rsaPublicKey: RsaPublicKey;
  publicKeyPem: string;
}

/** `info` with its bigints as hex strings, and back. */
export type ServerInfoJson = Omit<ServerInfo, 'rsaPublicKey'> & { rsa: { n: string; e: string; fingerprint: string } };

export function serverInfoToJson(s: ServerInfo): ServerInfoJson {
  const hex = (v: bigint) => v.toString(16);
  return {
    dcs: s.dcs,
    publicKeyPem: s.publicKeyPem,
    rsa: { n: hex(s.rsaPublicKey.n), e: hex(s.rsaPublicKey.e), fingerprint: hex(s.rsaPublicKey.fingerprint) },
  };
}

export function serverInfoFromJson(j: ServerInfoJson): ServerInfo {
  return {
    dcs: j.dcs,
    publicKeyPem: j.publicKeyPem,
    rsaPublicKey: { n: BigInt(`0x${j.rsa.n}`), e: BigInt(`0x${j.rsa.e}`), fingerprint: BigInt(`0x${j.rsa.fingerprint}`) },
  };
}

export interface BenchServer extends ServerInfo {
  pid: number;
  engine: string;
  /** The child's CPU time so far (user + system). */
  cpu(): Promise<ServerCpu>;
  stop(): Promise<void>;
}

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-process.ts');

/** Starts the server process (DCs `dcs`, TCP only) and waits until it listens. */
export async function startServerProcess(dcs: readonly number[] = [2]): Promise<BenchServer> {
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(
    process.execPath,
    ['--import', 'tsx', SCRIPT, `--dcs=${dcs.join(',')}`],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const waiting: ((line: string) => void)[] = [];
  let exited: Error | undefined;
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const failAll = (e: Error) => {
    exited = e;
    for (const w of waiting.splice(0)) w(JSON.stringify({ error: e.message }));
  };
  child.on('exit', (code, signal) => failAll(new Error(`bench server exited (${signal ?? code})`)));
  child.on('error', failAll);

  const next = (): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(exited);
      waiting.push((line) => {
        const v = JSON.parse(line) as Record<string, unknown>;
        if (typeof v.error === 'string') reject(new Error(v.error));
        else resolve(v);
      });
    });
  const ask = (cmd: string) => {
    const p = next();
    child.stdin.write(`${cmd}\n`);
    return p;
  };

  // The server listens within seconds; one that does not in 60 s is killed and reported.
  const startTimer = setTimeout(() => {
    child.kill('SIGKILL');
    failAll(new Error('bench server did not start listening within 60 s'));
  }, 60_000);
  const ready = (await next().finally(() => clearTimeout(startTimer))) as unknown as ServerInfoJson & {
    pid: number;
    engine: string;
  };
  let stopping: Promise<void> | undefined;
  return {
    ...serverInfoFromJson(ready),
    pid: ready.pid,
    engine: ready.engine,
    cpu: async () => (await ask('cpu')) as unknown as ServerCpu,
    stop() {
      stopping ??= (async () => {
        if (exited) return;
        const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        // No waiting for the reply: the child may be busy closing connections.
        child.stdin.end('stop\n');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await done;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
