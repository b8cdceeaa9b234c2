import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { htmlToMarkdown } from '../../build/import-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const json = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

test('docs: HTML becomes Markdown; code stays literal; corefork links point to core.telegram.org', () => {
  assert.is(
    htmlToMarkdown('See <a href="https://corefork.telegram.org/api/min">min</a> &amp; <strong>more</strong><br>next'),
    'See [min](https://core.telegram.org/api/min) & **more**\nnext',
  );
  assert.is(htmlToMarkdown('Preformatted (<code><pre></code> text)'), 'Preformatted (`<pre>` text)');
  assert.is(htmlToMarkdown('<code>"_by_<bot_username>"</code>'), '`"_by_<bot_username>"`');
  assert.is(htmlToMarkdown('emoji <img class="emoji" src="//x" alt="🎲">, <a href="#target">here</a>'), 'emoji 🎲, here');
});

test('schema/api-docs.json: descriptions of types, constructors, functions and their fields', () => {
  const docs = json('schema/api-docs.json');
  assert.is(docs.layer, 227);
  assert.is(docs.constructors.inputPeerUser.params.user_id, 'User identifier');
  assert.match(docs.constructors.inputPeerUser.params.access_hash, '[`user`](https://core.telegram.org/constructor/user)');
  assert.is(docs.functions['messages.sendMessage'].description, 'Sends a message to a chat');
  assert.ok(docs.types.InputPeer);
  assert.not.ok(JSON.stringify(docs).includes('{@link'), 'no library-specific link syntax left');
  assert.not.ok(JSON.stringify(docs).includes('corefork.telegram.org'));
});

test('schema/errors.json: error codes, what each method throws, user-only and bot-only methods', () => {
  const e = json('schema/errors.json');
  assert.is(e.errors['FLOOD_WAIT_%d'].code, 420);
  assert.is(e.errors['PHONE_MIGRATE_%d'].code, 303);
  assert.is(e.methods['auth.importBotAuthorization'].throws.ACCESS_TOKEN_INVALID, 400);
  assert.is(e.methods['bots.setBotCommands'].available, 'bot');
  assert.is(e.methods['account.getPassword'].available, 'user');
  assert.is(e.methods['messages.sendMessage'].available, 'both');
  // Every method of the schema is listed, nothing else.
  const fns = fs
    .readFileSync(path.join(root, 'schema/api.tl'), 'utf8')
    .split('---functions---')[1]!
    .match(/^[\w.]+(?=#)/gm)!;
  assert.equal(Object.keys(e.methods).sort(), fns.sort());
});

test('schema/api.tl: library-specific definitions were left out', () => {
  const text = fs.readFileSync(path.join(root, 'schema/api.tl'), 'utf8');
  assert.ok(text.startsWith('// LAYER 227\n'));
  assert.not.match(text, /mtcute\.|Legacy#/);
});

test.run();
