/**
 * Real proxy daemons for the proxy tests, started on free loopback ports with
 * config files in a temp dir and stopped afterwards: microsocks (SOCKS5, with
 * and without auth), danted from dante-server (SOCKS5 with username auth) and
 * tinyproxy (HTTP CONNECT, optional Basic auth). A missing binary is a test
 * FAILURE whose message names the Debian package to install (never a skip).
 *
 * Dante checks usernames against the system's accounts (there is no
 * password-file method), so its test needs a system user: `ensureSocksUser`
 * creates `wgsocks` when it is missing and sets its fixed password (needs root,
 * as in CI; elsewhere the user must exist already, and the failure says how).
 * It is idempotent: an existing `wgsocks` is kept (only its password is set
 * again), two test processes racing to create it both succeed, and the user
 * is left in place for the next run (a no-login account without a home
 * directory; remove it with `userdel wgsocks`).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running daemon. */
export interface Daemon {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** What the daemon printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Credentials the daemons are configured with. */
export const CREDENTIALS = { username: 'wgsocks', password: 'wg-s3cret-pass' } as const;

const PACKAGES: Record<string, string> = {
  microsocks: 'microsocks',
  danted: 'dante-server',
  tinyproxy: 'tinyproxy',
  useradd: 'passwd',
  chpasswd: 'passwd',
};

function which(binary: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin'])) {
    try {
      execFileSync('test', ['-x', join(dir, binary)]);
      return join(dir, binary);
    } catch {}
  }
  throw new Error(
    `${binary} is not installed: run \`apt-get install -y ${PACKAGES[binary] ?? binary}\` (the proxy tests need real daemons)`,
  );
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`daemon exited with ${child.exitCode} before listening:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`daemon did not listen on ${port} within ${ms} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function launch(name: string, binary: string, args: string[], port: number, dir: string): Promise<Daemon> {
  const child = spawn(which(binary), args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
  try {
    await waitForPort(port, child, () => out);
  } catch (e) {
    await stop();
    throw e;
  }
  return { name, host: '127.0.0.1', port, output: () => out, stop };
}

/** microsocks on a free port; with `auth` it requires `CREDENTIALS`. */
export async function startMicrosocks(auth: boolean): Promise<Daemon> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wg-microsocks-'));
  const args = ['-i', '127.0.0.1', '-p', String(port), ...(auth ? ['-u', CREDENTIALS.username, '-P', CREDENTIALS.password] : [])];
  return launch(auth ? 'microsocks (auth)' : 'microsocks', 'microsocks', args, port, dir);
}

/** Makes sure the system user Dante authenticates exists with `CREDENTIALS.password`. */
function ensureSocksUser(): void {
  let exists = false;
  try {
    execFileSync('id', [CREDENTIALS.username], { stdio: 'ignore' });
    exists = true;
  } catch {}
  if (process.getuid?.() !== 0) {
    if (exists) return;
    throw new Error(
      `danted authenticates system users: create one first (as root: useradd -M -s /usr/sbin/nologin ${CREDENTIALS.username} && echo '${CREDENTIALS.username}:${CREDENTIALS.password}' | chpasswd)`,
    );
  }
  // Resolved through `which` so a missing tool fails with its package name (passwd).
  if (!exists) {
    try {
      execFileSync(which('useradd'), ['-M', '-s', '/usr/sbin/nologin', CREDENTIALS.username], { stdio: 'ignore' });
    } catch (e) {
      // Exit status 9 is useradd's "username already in use": another test process created it first.
      if ((e as { status?: number }).status !== 9) throw e;
    }
  }
  execFileSync(which('chpasswd'), { input: `${CREDENTIALS.username}:${CREDENTIALS.password}\n` });
}

/** danted (dante-server) on a free port, SOCKS5 with username/password (system accounts). */
export async function startDante(): Promise<Daemon> {
  which('danted');
  ensureSocksUser();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wg-danted-'));
  const conf = join(dir, 'danted.conf');
  writeFileSync(
    conf,
    [
      'logoutput: stderr',
      `internal: 127.0.0.1 port = ${port}`,
      'external: 127.0.0.1',
      'socksmethod: username',
      'clientmethod: none',
      'user.privileged: root',
      'user.unprivileged: nobody',
      'client pass {',
      '  from: 127.0.0.0/8 to: 0.0.0.0/0',
      '}',
      'socks pass {',
      '  from: 127.0.0.0/8 to: 0.0.0.0/0',
      '  command: connect',
      '}',
      '',
    ].join('\n'),
  );
  return launch('danted', 'danted', ['-f', conf, '-p', join(dir, 'danted.pid'), '-N', '1'], port, dir);
}

/** tinyproxy (HTTP CONNECT) on a free port, in the foreground; with `auth` it requires Basic `CREDENTIALS`. */
export async function startTinyproxy(auth: boolean): Promise<Daemon> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wg-tinyproxy-'));
  const conf = join(dir, 'tinyproxy.conf');
  const root = process.getuid?.() === 0;
  writeFileSync(
    conf,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      'MaxClients 50',
      'Allow 127.0.0.1',
      'LogLevel Error',
      ...(root ? ['User nobody', 'Group nogroup'] : []),
      ...(auth ? [`BasicAuth ${CREDENTIALS.username} ${CREDENTIALS.password}`] : []),
      '',
    ].join('\n'),
  );
  return launch(auth ? 'tinyproxy (auth)' : 'tinyproxy', 'tinyproxy', ['-d', '-c', conf], port, dir);
}
