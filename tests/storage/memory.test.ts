import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryStorage } from '../../ts/storage/index.js';
import { conformance, fullSnapshot } from './_conformance.js';

conformance('MemoryStorage', { create: async () => new MemoryStorage() });

test('MemoryStorage: starts from an initial snapshot', async () => {
  const s = new MemoryStorage(fullSnapshot());
  await s.open();
  assert.is(await s.getHomeDc(), 2);
  assert.is((await s.getPeerByUsername('user0'))!.id, 100n);
});

test.run();
