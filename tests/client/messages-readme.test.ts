/**
 * The README's "Send a message" snippet is what examples/userbot.ts does,
 * and that file runs against the test server.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import fs from 'node:fs';

const root = new URL('../../', import.meta.url);

test('README "Send a message" lines are the ones examples/userbot.ts runs', () => {
  const readme = fs.readFileSync(new URL('README.md', root), 'utf8');
  const section = /## Send a message\n\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(section, 'README has a Send a message section with a ts block');
  const example = fs.readFileSync(new URL('examples/userbot.ts', root), 'utf8');
  const snippet = /\/\/ --- the README snippet ---\n([\s\S]*?)\/\/ ---\n/.exec(example)?.[1];
  assert.ok(snippet, 'the example marks the snippet');
  assert.equal(
    section![1]!.split('\n').filter((l) => l !== ''),
    snippet!.split('\n').filter((l) => l !== ''),
  );
});

test('examples/userbot.ts sends, replies, edits and reads the history back', async () => {
  const { FORCE_COLOR: _, ...env } = process.env; // console.log colours numbers when the runner forces colour
  const out = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'examples/userbot.ts'],
      { cwd: root, timeout: 30_000, env: { ...env, NO_COLOR: '1' } },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
  assert.equal(out.trim().split('\n'), ['2 (sent from wasmgram)', '1 Hello, Bob!']);
});

test.run();
