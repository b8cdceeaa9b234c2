/**
 * Zero-config bundling (issue 14): the page a user of the packed package
 * writes — `import { TelegramClient } from 'wasmgram'`, a key exchange and
 * `help.getConfig` against a test server — built the way each bundler's
 * documentation starts: `vite build` with no config file, and rollup with
 * `@rollup/plugin-node-resolve` ({ browser: true }, the one option a browser
 * build needs), plus esbuild for the size comparison. Helpers to check the
 * output (no `node:*`, no `ws`, no leftover `require()`), measure it (gzip,
 * WASM included) and run it in headless Chromium from a loopback server.
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { bin, root, runOk } from './_package.js';

/**
 * The page's script: options (test server address and key) from
 * location.hash; the result goes to `window.__result`. Only public entries:
 * the client from `wasmgram`, `loadRsaPublicKey` from `wasmgram/crypto`.
 * `transport: 'auto'` in a browser races only the test server's WebSocket
 * endpoint (ws://host:wsPort/apiws): the browser has no TCP.
 */
const pageMjs = `import { createCryptoProvider, TelegramClient } from 'wasmgram';
import { loadRsaPublicKey } from 'wasmgram/crypto';

async function main() {
  const o = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  const crypto = await createCryptoProvider();
  const client = new TelegramClient({
    apiId: 12345,
    apiHash: '0123456789abcdef',
    crypto,
    testServer: { dcs: [{ id: 2, host: o.host, port: o.port, wsPort: o.wsPort }], rsaPublicKey: loadRsaPublicKey(o.pem, crypto) },
    transport: 'auto',
    updates: false,
    connection: { connectTimeoutMs: 10000, requestTimeoutMs: 20000 },
  });
  try {
    const config = await client.invoke({ _: 'help.getConfig' });
    return { engine: crypto.engine, getConfig: 'this_dc=' + config.this_dc };
  } finally {
    await client.close();
  }
}
main().then(
  (out) => { window.__result = { ok: true, out }; },
  (e) => { window.__result = { ok: false, error: e && e.stack ? e.stack : String(e) }; },
);
`;

const html = (script: string) =>
  `<!doctype html>\n<html><head><meta charset="utf-8"><title>wasmgram</title></head><body><script type="module" src="${script}"></script></body></html>\n`;

/** What a user's rollup.config.mjs for a browser page holds: an input, an output and node-resolve for the browser. */
const rollupConfig = `import { nodeResolve } from '@rollup/plugin-node-resolve';
export default { input: 'page.mjs', output: { dir: 'rollup-dist', format: 'es' }, plugins: [nodeResolve({ browser: true })] };
`;

/**
 * Writes the web app (page.mjs, index.html, rollup.config.mjs) into
 * `<consumer>/web-app`, where `wasmgram` resolves from the consumer's
 * node_modules. The bundlers themselves are the repository's devDependencies;
 * @rollup/plugin-node-resolve is linked into the consumer so the config's
 * bare import resolves as in a user's project. Returns the app folder.
 */
export function writeWebApp(consumerDir: string): string {
  const app = path.join(consumerDir, 'web-app');
  fs.mkdirSync(app, { recursive: true });
  fs.writeFileSync(path.join(app, 'page.mjs'), pageMjs);
  fs.writeFileSync(path.join(app, 'index.html'), html('./page.mjs'));
  fs.writeFileSync(path.join(app, 'rollup.config.mjs'), rollupConfig);
  const scope = path.join(consumerDir, 'node_modules', '@rollup');
  fs.mkdirSync(scope, { recursive: true });
  const link = path.join(scope, 'plugin-node-resolve');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(root, 'node_modules', '@rollup', 'plugin-node-resolve'), link, 'dir');
  return app;
}

/** A bundler's output folder, ready to serve (index.html at its root). */
export interface BuiltApp {
  outDir: string;
  ms: number;
  /** What the bundler printed (warnings included). */
  log: string;
}

/** The warnings a bundler printed: rollup and Vite mark each with `(!)`. */
export function warningsOf(built: BuiltApp): string[] {
  return built.log
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('(!)'))
    .map((l) => l.replace(/\s*Consider:$/, ''));
}

/** `vite build` in the app folder: no config file, no flags; output in dist/. */
export async function buildWithVite(app: string, timeoutMs: number): Promise<BuiltApp> {
  const r = await runOk(bin('vite'), ['build'], { cwd: app, timeoutMs });
  return { outDir: path.join(app, 'dist'), ms: r.ms, log: r.stdout + r.stderr };
}

/** `rollup -c` with the config above; an index.html is written next to its output. */
export async function buildWithRollup(app: string, timeoutMs: number): Promise<BuiltApp> {
  const r = await runOk(bin('rollup'), ['-c'], { cwd: app, timeoutMs });
  const outDir = path.join(app, 'rollup-dist');
  fs.writeFileSync(path.join(outDir, 'index.html'), html('./page.js'));
  return { outDir, ms: r.ms, log: r.stdout + r.stderr };
}

/** A plain `esbuild --bundle --platform=browser --format=esm` of the same page (with `--minify` when asked), for the size table. */
export async function buildWithEsbuild(app: string, minify: boolean): Promise<BuiltApp> {
  const t0 = Date.now();
  const outDir = path.join(app, minify ? 'esbuild-min-dist' : 'esbuild-dist');
  await build({
    absWorkingDir: app,
    entryPoints: ['page.mjs'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify,
    outfile: path.join(outDir, 'page.js'),
    logLevel: 'silent',
  });
  return { outDir, ms: Date.now() - t0, log: '' };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** Sizes of what a browser downloads from a bundler's output: every .js and .wasm file. */
export interface BundleStats {
  files: number;
  /** Raw bytes of the .js and .wasm files. */
  bytes: number;
  /** Sum of each file's gzip (level 9) size. */
  gzip: number;
  /** WASM modules shipped as .wasm files. */
  wasmFiles: number;
  /** WASM modules inlined as base64 (the `\0asm` magic, base64 `AGFzbQ`). */
  wasmInlined: number;
}

/** Measures a bundler's output folder. */
export function bundleStats(outDir: string): BundleStats {
  const files = filesUnder(outDir).filter((f) => /\.(m?js|wasm)$/.test(f));
  let bytes = 0;
  let gzip = 0;
  let wasmInlined = 0;
  for (const f of files) {
    const data = fs.readFileSync(f);
    bytes += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
    if (!f.endsWith('.wasm')) wasmInlined += data.toString('latin1').split('AGFzbQ').length - 1;
  }
  return { files: files.length, bytes, gzip, wasmFiles: files.filter((f) => f.endsWith('.wasm')).length, wasmInlined };
}

// An import, dynamic import or require of node:* or ws, in any quote style (Vite's minifier writes template literals).
const NODE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'`])(node:[\w/]+|ws)\1/;

/**
 * Throws when a browser bundle imports node:* or ws, contains the `ws`
 * package's browser stub (ws was bundled instead of left out), or still
 * calls `require()` (a CommonJS module left unconverted).
 */
export function assertBrowserClean(outDir: string, what: string): void {
  for (const f of filesUnder(outDir).filter((x) => /\.m?js$/.test(x))) {
    const code = fs.readFileSync(f, 'utf8');
    const name = `${what} (${path.basename(f)})`;
    const hit = code.match(NODE_IMPORT);
    if (hit) throw new Error(`${name} imports ${hit[2]}`);
    if (code.includes('ws does not work in the browser')) throw new Error(`${name} bundles the ws package`);
    if (/\brequire\s*\(/.test(code)) throw new Error(`${name} still calls require()`);
  }
}

/** A static file server for one folder on 127.0.0.1. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** Serves `dir` on a free loopback port (`/` is index.html); paths outside it are 404. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** What the page reported. */
export interface PageResult {
  out: Record<string, string>;
  ms: number;
}

/**
 * Serves a built app, opens it in `browser` with `opts` in the hash, and
 * waits (at most `timeoutMs`) for the page's `window.__result`.
 */
export async function runBuiltPage(browser: Browser, built: BuiltApp, opts: object, timeoutMs: number): Promise<PageResult> {
  const server = await serveDir(built.outDir);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    const t0 = Date.now();
    await page.goto(`${server.origin}/#${encodeURIComponent(JSON.stringify(opts))}`, { timeout: timeoutMs });
    await page.waitForFunction(() => (globalThis as { __result?: unknown }).__result !== undefined, undefined, {
      timeout: timeoutMs,
    });
    const r = (await page.evaluate(() => (globalThis as { __result?: unknown }).__result)) as {
      ok: boolean;
      out: Record<string, string>;
      error?: string;
    };
    if (!r.ok) throw new Error(`the page failed: ${r.error}\n${errors.join('\n')}`);
    return { out: r.out, ms: Date.now() - t0 };
  } finally {
    await page.close();
    await server.close();
  }
}

/** The version of a repository devDependency, from its package.json. */
export function versionOf(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
