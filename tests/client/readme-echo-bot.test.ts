/**
 * The README's "Echo bot" snippet is what examples/echo-bot.ts runs, and
 * that file runs the bot against the test server with a scripted user.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import fs from 'node:fs';

const root = new URL('../../', import.meta.url);

test('README "Echo bot" lines are the ones examples/echo-bot.ts runs', () => {
  const readme = fs.readFileSync(new URL('README.md', root), 'utf8');
  const section = /## Echo bot\n\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(section, 'README has an Echo bot section with a ts block');
  const example = fs.readFileSync(new URL('examples/echo-bot.ts', root), 'utf8');
  const snippet = /\/\/ --- the README snippet ---\n([\s\S]*?)\/\/ ---\n/.exec(example)?.[1];
  assert.ok(snippet, 'the example marks the snippet');
  // The README imports from the package, the example from the sources: compare the rest.
  const body = section![1]!.split('\n').filter((l) => l !== '' && !l.startsWith('import '));
  assert.equal(
    body,
    snippet!.split('\n').filter((l) => l !== ''),
  );
  const imported = (src: string) =>
    [...src.matchAll(/^import \{ ([^}]+) \}/gm)].flatMap((m) => m[1]!.split(',').map((x) => x.trim())).sort();
  const readmeImports = imported(section![1]!);
  for (const name of readmeImports) assert.ok(imported(example).includes(name), `the example imports ${name} too`);
});

test('examples/echo-bot.ts: the bot answers a scripted user as shown', async () => {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'examples/echo-bot.ts'], { cwd: root, timeout: 30_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
  assert.equal(out.trim().split('\n'), [
    '/start -> Send me anything; /stop ends.',
    'hello -> hello',
    'how are you? -> how are you?',
    '/stop -> Echoed 2 messages. Bye!',
  ]);
});

test.run();
