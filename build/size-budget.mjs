#!/usr/bin/env node
// Size budgets (issue 14): the gzip size of a real bundle of "key exchange +
// help.getConfig" — the browser build (plain esbuild --platform=browser) and
// the Worker build (workerd/worker conditions, .wasm modules counted) —
// WASM included, minified by esbuild, gzip level 9. Beside it, mtcute's
// client core (BaseTelegramClient from @mtcute/core + @mtcute/wasm's binary)
// bundled the same way. mtcute's browser platform package (@mtcute/web) is not
// at the same version on npm, so its figure is the core without the web glue:
// a lower bound of what a mtcute page ships.
//
// Usage: measureBudgets(consumerDir) from the runtime suite, where
// consumerDir has the packed wasmgram installed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const WASMGRAM_APP = `
import { createCryptoProvider, loadRsaPublicKey } from 'wasmgram/crypto';
import { Connection } from 'wasmgram/network';
import { createDefaultSocketFactory } from 'wasmgram/transport';
export async function main(pem, host, port) {
  const crypto = await createCryptoProvider();
  const conn = new Connection({
    crypto, sockets: await createDefaultSocketFactory({ prefer: 'websocket' }), dcId: 2, host, port,
    rsaKeys: [loadRsaPublicKey(pem, crypto)],
    initConnection: { api_id: 1, device_model: 'web', system_version: '1', app_version: '1', system_lang_code: 'en', lang_pack: '', lang_code: 'en' },
  });
  return conn.invoke({ _: 'help.getConfig' });
}
`;

const MTCUTE_APP = `
import { BaseTelegramClient } from '@mtcute/core/client.js';
export async function main(options) {
  const client = new BaseTelegramClient(options);
  return client.call({ _: 'help.getConfig' });
}
`;

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function bundle(dir, source, extra = {}) {
  const wasm = [];
  const result = await build({
    stdin: { contents: source, resolveDir: dir, loader: 'js' },
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'wasm-files',
        setup(b) {
          b.onResolve({ filter: /\.wasm$/ }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            if (!wasm.includes(file)) wasm.push(file);
            return { path: file, external: true };
          });
        },
      },
    ],
    ...extra,
  });
  const js = result.outputFiles[0].contents;
  const wasmGzip = wasm.reduce((n, f) => n + gz(fs.readFileSync(f)), 0);
  return { js: js.length, jsGzip: gz(js), wasmFiles: wasm.length, wasmGzip, total: gz(js) + wasmGzip };
}

/** The budget table: one row per bundle, sizes in bytes. */
export async function measureBudgets(consumerDir) {
  const rows = [];
  rows.push({ name: 'wasmgram browser (key exchange + getConfig)', ...(await bundle(consumerDir, WASMGRAM_APP)) });
  rows.push({
    name: 'wasmgram Worker (key exchange + getConfig)',
    ...(await bundle(consumerDir, WASMGRAM_APP, { conditions: ['workerd', 'worker'], external: ['cloudflare:*'] })),
  });
  const mtcuteWasm = path.join(root, 'node_modules/@mtcute/wasm/mtcute.wasm');
  const mt = await bundle(root, MTCUTE_APP, { external: ['node:*'] });
  const extraWasm = fs.existsSync(mtcuteWasm) && mt.wasmFiles === 0 ? gz(fs.readFileSync(mtcuteWasm)) : 0;
  rows.push({
    name: 'mtcute core (BaseTelegramClient.call, + mtcute.wasm)',
    ...mt,
    wasmGzip: mt.wasmGzip + extraWasm,
    total: mt.total + extraWasm,
  });
  return rows;
}

/** The table as Markdown. */
export function formatBudgets(rows) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = ['| bundle | JS min | JS gzip | WASM gzip | total gzip |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.name} | ${kb(r.js)} | ${kb(r.jsGzip)} | ${kb(r.wasmGzip)} | ${kb(r.total)} |`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node build/size-budget.mjs <consumer dir with wasmgram installed>');
    process.exit(2);
  }
  console.log(formatBudgets(await measureBudgets(path.resolve(dir))));
}
