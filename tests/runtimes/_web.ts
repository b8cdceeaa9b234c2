/**
 * The two web runtimes of the suite. Chromium: page.mjs bundled by a plain
 * `esbuild --bundle --platform=browser` (no flags: the package's conditions
 * must keep node:* and ws out), served on 127.0.0.1 and driven by
 * playwright-core with Debian's chromium. workerd: worker.mjs bundled with the
 * `workerd`/`worker` conditions, its .wasm imports shipped as Worker modules
 * (as wrangler does), served by the npm `workerd` binary on 127.0.0.1.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { bin, run } from './_package.js';

/** The outcome of the checks in one runtime. */
export interface WebResult {
  out: Record<string, string>;
  ms: number;
}

/** Debian's chromium binary (playwright-core drives it; no browser download). */
export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p)) ?? '/usr/bin/chromium';
/** Headless flags for a browser that never leaves loopback. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws when a bundle still imports node:* or ws. */
export function assertNoNodeImports(code: string, what: string): void {
  const hit = code.match(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](node:[\w/]+|ws)["']/);
  if (hit) throw new Error(`${what} imports ${hit[1]}`);
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Bundles and runs the checks in headless Chromium. */
export async function runChromium(dir: string, opts: object, timeoutMs: number): Promise<WebResult> {
  const outfile = path.join(dir, 'web', 'page.js');
  await build({
    absWorkingDir: dir,
    entryPoints: ['page.mjs'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  assertNoNodeImports(fs.readFileSync(outfile, 'utf8'), 'the browser bundle');
  fs.writeFileSync(path.join(dir, 'web', 'index.html'), '<!doctype html><script type="module" src="page.js"></script>');
  const server = http.createServer((req, res) => {
    const file = req.url?.startsWith('/page.js') ? 'page.js' : 'index.html';
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(fs.readFileSync(path.join(dir, 'web', file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: timeoutMs });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${port}/#${encodeURIComponent(JSON.stringify(opts))}`, { timeout: timeoutMs });
    await page.waitForFunction(() => (globalThis as { __result?: unknown }).__result !== undefined, undefined, { timeout: timeoutMs });
    const result = (await page.evaluate(() => (globalThis as { __result?: unknown }).__result)) as {
      ok: boolean;
      out: Record<string, string>;
      error?: string;
    };
    if (!result.ok) throw new Error(`Chromium: ${result.error}\n${errors.join('\n')}`);
    return { out: result.out, ms: Date.now() - t0 };
  } finally {
    await browser.close();
    server.close();
  }
}

/** A Worker served by workerd on 127.0.0.1. */
export interface ServedWorker {
  /** GETs `path` until workerd answers (it starts in the background); returns the JSON body and the request's time. */
  getJson(path: string): Promise<{ body: unknown; ms: number }>;
  /** Resolves once workerd accepts connections (a TCP connect, no request), so a first request's time is the Worker's alone. */
  listening(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Bundles `entry` (in `dir`) with the workerd/worker conditions, its .wasm
 * imports shipped as Worker modules (as wrangler does), and serves it with
 * the npm `workerd` on a free loopback port; `bindings` become text bindings of `env`.
 */
export async function serveWorker(
  dir: string,
  entry: string,
  timeoutMs: number,
  bindings: Record<string, string> = {},
): Promise<ServedWorker> {
  const out = path.join(dir, `worker-${path.basename(entry).replace(/\.\w+$/, '')}`);
  const wasm: string[] = [];
  await build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    conditions: ['workerd', 'worker'],
    format: 'esm',
    // The runtime's own modules (cloudflare:sockets): wrangler keeps them external too.
    external: ['cloudflare:*'],
    outfile: path.join(out, 'worker.js'),
    logLevel: 'silent',
    plugins: [
      {
        name: 'wasm-modules',
        setup(b) {
          b.onResolve({ filter: /\.wasm$/ }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            const name = `wasm/${path.basename(file)}`;
            fs.mkdirSync(path.join(out, 'wasm'), { recursive: true });
            fs.copyFileSync(file, path.join(out, name));
            if (!wasm.includes(name)) wasm.push(name);
            return { path: `./${name}`, external: true };
          });
        },
      },
    ],
  });
  assertNoNodeImports(fs.readFileSync(path.join(out, 'worker.js'), 'utf8'), 'the Worker bundle');
  if (wasm.length === 0) throw new Error('the Worker bundle imports no .wasm module (workerd condition not applied)');
  const port = await freePort();
  const modules = [`(name = "worker.js", esModule = embed "worker.js")`, ...wasm.map((w) => `(name = "${w}", wasm = embed "${w}")`)];
  const binds = Object.entries(bindings).map(([name, text]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(text)})`);
  fs.writeFileSync(
    path.join(out, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .mainWorker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const mainWorker :Workerd.Worker = (
  modules = [${modules.join(', ')}],
  bindings = [${binds.join(', ')}],
  compatibilityDate = "2025-06-01",
  globalOutbound = "loopback",
);
`,
  );
  const stop = new AbortController();
  const workerd = run(bin('workerd'), ['serve', 'config.capnp'], { cwd: out, timeoutMs, signal: stop.signal });
  let exited: string | undefined;
  workerd.then(
    (r) => (exited = `workerd exited ${r.code}: ${r.stderr}`),
    (e) => (exited = String(e)),
  );
  const deadline = Date.now() + timeoutMs;
  return {
    async getJson(urlPath) {
      for (;;) {
        if (exited) throw new Error(exited);
        if (Date.now() > deadline) throw new Error('workerd did not answer in time');
        const t0 = Date.now();
        const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, {
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
        }).catch(() => undefined);
        if (!res) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        const text = await res.text();
        try {
          return { body: JSON.parse(text), ms: Date.now() - t0 };
        } catch {
          throw new Error(`workerd answered ${res.status}: ${text}`);
        }
      }
    },
    async listening() {
      for (;;) {
        if (exited) throw new Error(exited);
        if (Date.now() > deadline) throw new Error('workerd did not listen in time');
        const up = await new Promise<boolean>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => {
            s.destroy();
            resolve(true);
          });
          s.once('error', () => resolve(false));
        });
        if (up) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      stop.abort();
      await workerd.catch(() => undefined);
    },
  };
}

/** Bundles the Worker, starts workerd on a free loopback port, and asks it to run the checks. */
export async function runWorkerd(dir: string, opts: object, timeoutMs: number): Promise<WebResult> {
  const worker = await serveWorker(dir, 'worker.mjs', timeoutMs);
  try {
    const { body, ms } = await worker.getJson(`/?o=${encodeURIComponent(JSON.stringify(opts))}`);
    const r = body as { ok: boolean; out: Record<string, string>; error?: string };
    if (!r.ok) throw new Error(`workerd: ${r.error}`);
    return { out: r.out, ms };
  } finally {
    await worker.stop();
  }
}
