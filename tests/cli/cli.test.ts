/**
 * `wasmgram` as a process: --help lists every command, --version, each
 * command's --help, exit codes (0 ok, 1 failure, 2 usage), errors as one
 * line on stderr with the stack only under --debug.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from './_run.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

test('--help lists every command and exits 0; no command is a usage error (2)', async () => {
  const help = await run(['--help']);
  assert.is(help.code, 0);
  for (const command of ['login', 'session', 'tl', 'test-server']) assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
  const none = await run([]);
  assert.is(none.code, 2);
  assert.match(none.stderr, /Usage: wasmgram <command>/);
  assert.is(none.stdout, '');
});

test('--version prints the package version and the TL layer', async () => {
  const r = await run(['--version']);
  assert.is(r.code, 0);
  assert.match(r.stdout, new RegExp(`^wasmgram ${version.replace(/\./g, '\\.')} \\(TL layer \\d+\\)\\n$`));
});

test('each command has --help (exit 0, its own usage)', async () => {
  for (const [command, marker] of [
    ['login', /--bot-token/],
    ['session', /session convert <from> <to>/],
    ['tl', /tl show <name/],
    ['test-server', /99966XYYYY/],
  ] as const) {
    const r = await run([command, '--help']);
    assert.is(r.code, 0, command);
    assert.match(r.stdout, marker);
  }
});

test('unknown command or option: exit 2, a short message on stderr, nothing on stdout', async () => {
  const unknown = await run(['frobnicate']);
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /^wasmgram: unknown command frobnicate\n/);
  const option = await run(['tl', 'decode', '--bogus', '00']);
  assert.is(option.code, 2);
  assert.match(option.stderr, /unknown option --bogus/);
  assert.match(option.stderr, /wasmgram tl --help/);
  assert.is(option.stdout, '');
});

test('a failure: exit 1, one line on stderr, no stack unless --debug', async () => {
  const plain = await run(['tl', 'decode', 'deadbeef']);
  assert.is(plain.code, 1);
  assert.is(plain.stderr.trim().split('\n').length, 1, plain.stderr);
  assert.match(plain.stderr, /TlError: unknown constructor id #efbeadde/);
  assert.not.match(plain.stderr, /\n\s+at /);
  const debug = await run(['tl', 'decode', 'deadbeef', '--debug']);
  assert.is(debug.code, 1);
  assert.match(debug.stderr, /\n\s+at /);
});

test.run();
