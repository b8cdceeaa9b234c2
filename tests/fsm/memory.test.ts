import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryStateStorage } from '../../ts/fsm/index.js';
import { conformance } from './_conformance.js';

let now = 1_000_000;
conformance('memory', {
  create: async () => new MemoryStateStorage({ now: () => now }),
  advance: (ms) => {
    now += ms;
  },
});

test('memory: the entry count is bounded; the least recently written goes first', async () => {
  const s = new MemoryStateStorage({ maxEntries: 3 });
  await s.set('a', '1');
  await s.set('b', '2');
  await s.set('c', '3');
  await s.set('a', '1b'); // rewriting a moves it to the newest end
  await s.set('d', '4');
  assert.is(s.size, 3);
  assert.is(await s.get('b'), undefined);
  assert.is(await s.get('a'), '1b');
  assert.is(await s.get('c'), '3');
  assert.is(await s.get('d'), '4');
});

test('memory: expired entries are swept by later writes (no growth from expired keys)', async () => {
  let t = 0;
  const s = new MemoryStateStorage({ now: () => t });
  for (let i = 0; i < 1000; i++) await s.set(`k${i}`, 'v', { ttlMs: 10 });
  t = 100;
  for (let i = 0; i < 1000; i++) await s.set(`n${i}`, 'v');
  assert.ok(s.size <= 1000 + 4, `size ${s.size}`);
});

test.run();
