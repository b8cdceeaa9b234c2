/**
 * The guide pages (docs/guide/*.md): every ```ts block type-checks against
 * the sources, each as its own module, with the package's import names
 * (`wasmgram`, `wasmgram/client`, ...) mapped to the files the package
 * builds them from; names the guides use without defining (`client`,
 * `testServer`, `bytes`, `apiId`, `apiHash`) come from a prelude, as
 * docs/guide/README.md says. Relative links between the pages resolve.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const guideDir = join(root, 'docs/guide');
const pages = readdirSync(guideDir).filter((f) => f.endsWith('.md'));

/**
 * Import names → sources: the package's subpaths (rollup.config.mjs ENTRIES),
 * plus `wasmgram/dispatcher` and `wasmgram/fsm`, which the README and these
 * guides use but the package's exports map does not list yet.
 */
const PATHS: Record<string, string> = {
  wasmgram: 'ts/index.ts',
  'wasmgram/client': 'ts/client/index.ts',
  'wasmgram/crypto': 'ts/crypto/index.ts',
  'wasmgram/tl': 'ts/tl/index.ts',
  'wasmgram/mtproto': 'ts/mtproto/index.ts',
  'wasmgram/transport': 'ts/transport/index.ts',
  'wasmgram/transport/node': 'ts/transport/node.ts',
  'wasmgram/network': 'ts/network/index.ts',
  'wasmgram/storage': 'ts/storage/index.ts',
  'wasmgram/storage/libsql': 'ts/storage/libsql.ts',
  'wasmgram/storage/node': 'ts/storage/file-node.ts',
  'wasmgram/testing': 'ts/testing/index.ts',
  'wasmgram/dispatcher': 'ts/dispatcher/index.ts',
  'wasmgram/fsm': 'ts/fsm/index.ts',
};

const PRELUDE = `import type { TelegramClient } from 'wasmgram';
import type { TestServer } from 'wasmgram/testing';
declare global {
  /** A signed-in client. */
  const client: TelegramClient;
  const testServer: TestServer;
  const bytes: Uint8Array<ArrayBuffer>;
  const apiId: number;
  const apiHash: string;
}
export {};
`;

/** The ```ts blocks of a page, with the line each starts on. */
function blocks(md: string): { code: string; line: number }[] {
  const out: { code: string; line: number }[] = [];
  const re = /^```ts\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) out.push({ code: m[1]!, line: md.slice(0, m.index).split('\n').length + 1 });
  return out;
}

test('every guide page listed in docs/guide/README.md exists, and every relative link resolves', () => {
  assert.ok(pages.length >= 10, pages.join(', '));
  for (const page of pages) {
    const md = readFileSync(join(guideDir, page), 'utf8');
    for (const [, target] of md.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      assert.ok(existsSync(resolve(guideDir, target!)), `${page}: link to ${target} is broken`);
    }
  }
  const index = readFileSync(join(guideDir, 'README.md'), 'utf8');
  for (const page of pages) if (page !== 'README.md') assert.ok(index.includes(`(${page})`), `README.md lists ${page}`);
});

test('every ts block of the guides type-checks (tsc, one module per block)', async () => {
  const dir = join(root, 'build/.cache/guide-snippets');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = ['prelude.d.ts'];
  writeFileSync(join(dir, 'prelude.d.ts'), PRELUDE);
  const where = new Map<string, string>();
  for (const page of pages) {
    blocks(readFileSync(join(guideDir, page), 'utf8')).forEach((b, i) => {
      const name = `${page.replace(/\.md$/, '')}-${i + 1}.ts`;
      // Blank lines up to the block's line, so tsc's line numbers are the page's.
      writeFileSync(join(dir, name), `${'\n'.repeat(b.line - 1)}${b.code}\nexport {};\n`);
      files.push(name);
      where.set(name, page);
    });
  }
  assert.ok(files.length > 20, `${files.length - 1} blocks`);
  const rel = (p: string) => join('..', '..', '..', p);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: rel('tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        noUnusedLocals: false,
        baseUrl: '.',
        paths: Object.fromEntries(Object.entries(PATHS).map(([k, v]) => [k, [rel(v)]])),
      },
      include: [],
      files,
    }),
  );
  const { code, out } = await new Promise<{ code: number | null; out: string }>((done, fail) => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const proc = spawn(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: dir });
    let text = '';
    proc.stdout.on('data', (d) => (text += d));
    proc.stderr.on('data', (d) => (text += d));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      fail(new Error(`tsc ran past 180 s:\n${text}`));
    }, 180_000);
    proc.on('exit', (c) => {
      clearTimeout(timer);
      done({ code: c, out: text });
    });
  });
  // Errors name the snippet file; show them as page:line.
  const readable = out.replace(/^([\w-]+-\d+\.ts)\((\d+),\d+\)/gm, (_, f: string, l: string) => `docs/guide/${where.get(f) ?? f}:${l}`);
  const ours = readable.split('\n').filter((l) => l.startsWith('docs/guide/'));
  assert.equal(ours, [], readable);
  assert.is(code, 0, readable);
  rmSync(dir, { recursive: true, force: true });
  void dirname;
});

test.run();
