/**
 * The transfer commands' pieces: message links (https://core.telegram.org/api/links#message-links)
 * to a peer and id, and the progress line — redrawn with \r on a terminal,
 * at most ten times a second; plain lines at each tenth elsewhere.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMessageRef } from '../../ts/cli/commands/download-link.js';
import { formatBytes, ProgressBar } from '../../ts/cli/commands/progress-bar.js';
import { UsageError } from '../../ts/cli/io.js';

test('message links: public, topic, private channel, tg:// forms, and peer + id', () => {
  assert.equal(parseMessageRef(['https://t.me/durov/42']), { peer: '@durov', id: 42 });
  assert.equal(parseMessageRef(['t.me/some_chat/7/99']), { peer: '@some_chat', id: 99 });
  assert.equal(parseMessageRef(['https://t.me/c/1234567/8']), { peer: -1000001234567, id: 8 });
  assert.equal(parseMessageRef(['https://telegram.me/durov/5?single']), { peer: '@durov', id: 5 });
  assert.equal(parseMessageRef(['tg://resolve?domain=durov&post=3']), { peer: '@durov', id: 3 });
  assert.equal(parseMessageRef(['tg://privatepost?channel=555&post=4']), { peer: -1000000000555, id: 4 });
  assert.equal(parseMessageRef(['me', '12']), { peer: 'me', id: 12 });
  assert.equal(parseMessageRef(['-1001234', '5']), { peer: -1001234, id: 5 });
});

test('not message links: a UsageError each', () => {
  for (const args of [
    ['https://t.me/durov'],
    ['https://example.com/durov/1'],
    ['https://t.me/durov/abc'],
    ['https://t.me/durov/0'],
    ['https://t.me/c/x/1'],
    ['tg://resolve?domain=durov'],
    ['me', '99999999999'],
    [],
    ['a', 'b', 'c'],
  ]) {
    assert.throws(
      () => parseMessageRef(args),
      (e: unknown) => e instanceof UsageError,
      args.join(' '),
    );
  }
});

test('formatBytes', () => {
  assert.is(formatBytes(512), '512 B');
  assert.is(formatBytes(1536), '1.5 KiB');
  assert.is(formatBytes(1_500_000), '1.4 MiB');
  assert.is(formatBytes(200 * 1024 * 1024), '200 MiB');
});

test('on a terminal: one line redrawn with \\r and cleared, throttled to 10/s, a newline at the end', () => {
  let now = 0;
  let text = '';
  const bar = new ProgressBar({ write: (t) => void (text += t), isTTY: true, columns: 80 }, 'f.bin', () => now);
  for (let i = 1; i <= 100; i++) {
    now += 10; // 100 updates over 1 s
    bar.update(i * 1024, 100 * 1024);
  }
  bar.finish();
  const draws = text.split('\r').length - 1;
  assert.ok(draws >= 9 && draws <= 12, `${draws} redraws`);
  assert.ok(text.endsWith('\x1b[K\n'));
  assert.ok(text.endsWith(`[${'#'.repeat(30)}] f.bin 100% 100 KiB / 100 KiB 100 KiB/s\x1b[K\n`), JSON.stringify(text.slice(-80)));
  assert.not.match(text.slice(0, -1), /\n/);
});

test('not a terminal: a plain line per tenth, none repeated, the last from finish()', () => {
  let now = 0;
  const lines: string[] = [];
  const bar = new ProgressBar({ write: (t) => void lines.push(t), isTTY: false }, 'f.bin', () => now);
  for (let i = 0; i <= 1000; i++) {
    now += 1;
    bar.update(i, 1000);
  }
  bar.finish();
  assert.is(lines.length, 11);
  assert.ok(lines.every((l) => l.endsWith('\n') && !l.includes('\r')));
  assert.match(lines[0]!, /^f\.bin 0% /);
  assert.match(lines[10]!, /^f\.bin 100% 1000 B \/ 1000 B /);
});

test.run();
