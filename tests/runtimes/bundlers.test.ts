/**
 * Zero-config bundling checked in CI (issue 14): a page importing
 * `wasmgram` as a user writes it, built from the packed package installed in
 * a scratch project by Vite (`vite build`, no config file) and by rollup +
 * @rollup/plugin-node-resolve ({ browser: true }; no @rollup/plugin-commonjs:
 * the package and its bundled pako are ES modules). Each output must import
 * no `node:*` and no `ws`, and must run in headless Chromium, served from
 * 127.0.0.1: key exchange + help.getConfig against the test server's
 * WebSocket port. Prints one line per bundler and the gzip sizes (WASM
 * included) beside esbuild's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { TestServer } from '../../ts/testing/index.js';
import {
  assertBrowserClean,
  type BuiltApp,
  type BundleStats,
  buildWithEsbuild,
  buildWithRollup,
  buildWithVite,
  bundleStats,
  runBuiltPage,
  versionOf,
  warningsOf,
  writeWebApp,
} from './_bundlers.js';
import { packAndInstall, type ScratchPackage } from './_package.js';
import { CHROMIUM, CHROMIUM_FLAGS } from './_web.js';

interface Ctx {
  pkg: ScratchPackage;
  app: string;
  server: TestServer;
  browser: Browser;
  opts: { host: string; port: number; wsPort: number; pem: string };
  sizes: { name: string; minified: boolean; stats: BundleStats }[];
}

const test = suite<Ctx>('bundlers', {} as Ctx);
const BUILD_TIMEOUT = 120_000;
const PAGE_TIMEOUT = 60_000;

test.before(async (ctx) => {
  ctx.pkg = await packAndInstall();
  ctx.app = writeWebApp(ctx.pkg.dir);
  ctx.server = await TestServer.start({ dcs: [2], crypto: await createCryptoProvider(), onError: (e) => console.error('server bug:', e) });
  const dc = ctx.server.dcs[0]!;
  ctx.opts = { host: '127.0.0.1', port: dc.port, wsPort: dc.wsPort!, pem: ctx.server.publicKeyPem };
  ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: PAGE_TIMEOUT });
  ctx.sizes = [];
});

test.after(async (ctx) => {
  await ctx.browser?.close();
  await ctx.server?.stop();
  if (ctx.pkg) fs.rmSync(path.dirname(ctx.pkg.dir), { recursive: true, force: true });
});

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** The checks every bundler's output passes, and its line in the output. */
async function checkBuilt(ctx: Ctx, bundler: string, built: BuiltApp, minified: boolean, allowedWarnings: RegExp[] = []): Promise<void> {
  const warnings = warningsOf(built);
  const unexpected = warnings.filter((w) => !allowedWarnings.some((re) => re.test(w)));
  assert.equal(unexpected, [], `${bundler} warned:\n${built.log}`);
  assertBrowserClean(built.outDir, `the ${bundler} bundle`);
  const stats = bundleStats(built.outDir);
  // The browser condition inlines the WASM builds (crypto, bignum, tl; SIMD and plain) in the JS.
  assert.ok(stats.wasmInlined + stats.wasmFiles > 0, `${bundler}: no WASM in the output`);
  const r = await runBuiltPage(ctx.browser, built, ctx.opts, PAGE_TIMEOUT);
  assert.is(r.out.getConfig, 'this_dc=2');
  assert.match(r.out.engine ?? '', /^wasm/, `${bundler}: crypto engine ${r.out.engine}`);
  ctx.sizes.push({ name: bundler, minified, stats });
  console.log(
    `bundler ${bundler}: ok — built in ${built.ms} ms with no flags, no node:*/ws/require in ${stats.files} files, ` +
      `${kib(stats.gzip)} gzip (WASM ${stats.wasmFiles ? `${stats.wasmFiles} .wasm files` : `${stats.wasmInlined} modules inlined`}); ` +
      `Chromium: crypto ${r.out.engine}, key exchange + help.getConfig (${r.out.getConfig}) over WebSocket in ${r.ms} ms` +
      (warnings.length ? `; warned: ${warnings.join(' / ')}` : ''),
  );
}

test('Vite: `vite build` with no config file bundles the page for the browser; it runs in Chromium', async (ctx) => {
  const built = await buildWithVite(ctx.app, BUILD_TIMEOUT);
  // Vite's advice on chunks over 500 kB (the TL schema and the inlined WASM) is the one warning a user sees.
  await checkBuilt(ctx, `vite ${versionOf('vite')}`, built, true, [/Some chunks are larger than \d+ kB/]);
});

test('rollup + @rollup/plugin-node-resolve ({ browser: true }, no commonjs plugin) bundles the page; it runs in Chromium', async (ctx) => {
  const built = await buildWithRollup(ctx.app, BUILD_TIMEOUT);
  await checkBuilt(ctx, `rollup ${versionOf('rollup')} + node-resolve ${versionOf('@rollup/plugin-node-resolve')}`, built, false);
});

test('sizes: gzip of each bundle of the page, WASM included, beside esbuild (plain and --minify)', async (ctx) => {
  for (const minify of [false, true]) {
    const built = await buildWithEsbuild(ctx.app, minify);
    assertBrowserClean(built.outDir, 'the esbuild bundle');
    ctx.sizes.push({
      name: `esbuild ${versionOf('esbuild')}${minify ? ' --minify' : ''}`,
      minified: minify,
      stats: bundleStats(built.outDir),
    });
  }
  assert.is(ctx.sizes.length, 4, 'the Vite and rollup tests ran first');
  const lines = ['| bundler | minified | files | raw | gzip (WASM included) |', '|---|---|---:|---:|---:|'];
  for (const s of ctx.sizes)
    lines.push(`| ${s.name} | ${s.minified ? 'yes' : 'no (default)'} | ${s.stats.files} | ${kib(s.stats.bytes)} | ${kib(s.stats.gzip)} |`);
  console.log(`bundle sizes of the page (TelegramClient, key exchange + help.getConfig):\n${lines.join('\n')}`);
});

test.run();
