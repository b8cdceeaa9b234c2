/**
 * `npm run docs` (build/docs.ts): the API reference of the public entries
 * builds with TypeDoc's warnings as errors and with TSDoc on every public
 * export; a fixture with an undocumented export fails the build and names it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** Runs build/docs.ts with `args`; killed (and failed) past `deadlineMs`. */
function docs(args: string[], deadlineMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'build/docs.ts', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      fail(new Error(`build/docs.ts ${args.join(' ')} ran past ${deadlineMs} ms:\n${out}`));
    }, deadlineMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

test('a public export without TSDoc fails the build and is named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasmgram-docs-'));
  try {
    writeFileSync(
      join(dir, 'entry.ts'),
      '/** Documented. */\nexport function documented(): number {\n  return 1;\n}\n\nexport interface Bare {\n  x: number;\n}\n',
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', target: 'ES2022' }, files: ['entry.ts'] }),
    );
    writeFileSync(
      join(dir, 'typedoc.json'),
      JSON.stringify({
        name: 'fixture',
        entryPoints: [join(dir, 'entry.ts')],
        tsconfig: join(dir, 'tsconfig.json'),
        treatWarningsAsErrors: true,
        disableSources: true,
        readme: 'none',
      }),
    );
    const r = await docs(['--check', '--options', join(dir, 'typedoc.json')], 60_000);
    assert.is(r.code, 1, r.out);
    assert.match(r.out, /exported without TSDoc: fixture\.Bare \(Interface\)/);
    assert.not.match(r.out, /documented \(Function\)/);
    assert.not.match(r.out, /TypeDoc reported warnings/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run docs: every public entry builds into HTML with no warnings and no undocumented export', async () => {
  const out = mkdtempSync(join(tmpdir(), 'wasmgram-api-'));
  try {
    // Loaded machine: ~20 s of CPU, up to ~70 s of wall time seen with other suites running.
    const r = await docs(['--out', out], 240_000);
    assert.is(r.code, 0, r.out);
    assert.ok(existsSync(join(out, 'index.html')));
    for (const entry of ['client', 'storage', 'storage_libsql', 'testing', 'tl', 'mtproto', 'transport', 'network', 'crypto']) {
      assert.ok(existsSync(join(out, 'modules', `${entry}.html`)), `modules/${entry}.html`);
    }
    // TelegramClient's page carries its TSDoc.
    assert.match(readFileSync(join(out, 'classes', 'index.TelegramClient.html'), 'utf8'), /TelegramClient/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
