/**
 * The README's "Sign in" snippet is what examples/sign-in.ts does, and that
 * file runs against the test server and signs in.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import fs from 'node:fs';

const root = new URL('../../', import.meta.url);

test('README "Sign in" lines are the ones examples/sign-in.ts runs', () => {
  const readme = fs.readFileSync(new URL('README.md', root), 'utf8');
  const section = /## Sign in\n\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(section, 'README has a Sign in section with a ts block');
  const example = fs.readFileSync(new URL('examples/sign-in.ts', root), 'utf8');
  const snippet = /\/\/ --- the README snippet ---\n([\s\S]*?)\/\/ ---\n/.exec(example)?.[1];
  assert.ok(snippet, 'the example marks the snippet');
  const body = section![1]!.split('\n').filter((l) => l !== '' && !l.startsWith('import '));
  assert.equal(
    body,
    snippet!.split('\n').filter((l) => l !== ''),
  );
  assert.is(body.length, 4, 'four lines after the import: five in all');
});

test('examples/sign-in.ts signs in against the test server', async () => {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'examples/sign-in.ts'], { cwd: root, timeout: 30_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
  assert.match(out, /^signed in as Alice \(id \d+\)$/m);
});

test.run();
