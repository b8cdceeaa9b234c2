/**
 * The README's "Send and download files" snippet is what examples/media.ts
 * does, and that file runs against the test server.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = new URL('../../', import.meta.url);

test('README "Send and download files" lines are the ones examples/media.ts runs', () => {
  const readme = fs.readFileSync(new URL('README.md', root), 'utf8');
  const section = /## Send and download files\n\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(section, 'README has a Send and download files section with a ts block');
  const example = fs.readFileSync(new URL('examples/media.ts', root), 'utf8');
  const snippet = /\/\/ --- the README snippet ---\n([\s\S]*?)\/\/ ---\n/.exec(example)?.[1];
  assert.ok(snippet, 'the example marks the snippet');
  assert.equal(
    section![1]!.split('\n').filter((l) => l !== ''),
    snippet!.split('\n').filter((l) => l !== ''),
  );
});

test('examples/media.ts sends a photo and a big file, reads them back, and survives an expired file reference', async () => {
  const { FORCE_COLOR: _, ...env } = process.env;
  const out = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'examples/media.ts'],
      { cwd: root, timeout: 30_000, env: { ...env, NO_COLOR: '1' } },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
  assert.equal(out.trim().split('\n'), ['uploaded 12000000 bytes', '70 bytes of photo', '1000 12000000', '0,1,2,3,4,5,6,7,8,9']);
});

test.run();
