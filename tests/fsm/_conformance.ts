/**
 * One conformance suite for every StateStorage backend (memory, libSQL,
 * Redis): each test file calls `conformance(name, harness)`.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SceneManager, StateHandle, type StateStorage, Wizard } from '../../ts/fsm/index.js';

/** How a test file hands its backend to the suite. */
export interface Harness {
  /** A fresh, empty storage. */
  create(): Promise<StateStorage>;
  /**
   * Moves the backend's clock by `ms` (injected clock), or undefined when the
   * backend uses real expiry (Redis PX): then TTL tests use short real waits.
   */
  advance?: (ms: number) => void;
  /** Runs after each test. */
  cleanup?(): Promise<void>;
}

/** Polls `check` every 10 ms until true or `ms` pass; returns whether it became true. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function conformance(name: string, h: Harness): void {
  const t = suite(`StateStorage conformance: ${name}`);
  let storage: StateStorage;
  t.before.each(async () => {
    storage = await h.create();
  });
  t.after.each(async () => {
    await storage.close?.();
    await h.cleanup?.();
  });

  t('get of a key never set is undefined', async () => {
    assert.is(await storage.get('nope'), undefined);
  });

  t('set then get returns the value; set again replaces it', async () => {
    await storage.set('k', 'one');
    assert.is(await storage.get('k'), 'one');
    await storage.set('k', 'two');
    assert.is(await storage.get('k'), 'two');
  });

  t('delete removes the value; deleting a missing key is not an error', async () => {
    await storage.set('k', 'v');
    await storage.delete('k');
    assert.is(await storage.get('k'), undefined);
    await storage.delete('k');
    await storage.delete('never');
  });

  t('keys are independent (prefixes, separators, unicode)', async () => {
    await storage.set('c1', 'a');
    await storage.set('c1:u2', 'b');
    await storage.set('c1:u2:x', 'c');
    await storage.set('ключ🔑', 'd');
    assert.is(await storage.get('c1'), 'a');
    assert.is(await storage.get('c1:u2'), 'b');
    assert.is(await storage.get('c1:u2:x'), 'c');
    assert.is(await storage.get('ключ🔑'), 'd');
    await storage.delete('c1:u2');
    assert.is(await storage.get('c1'), 'a');
    assert.is(await storage.get('c1:u2:x'), 'c');
  });

  t('values keep every character (unicode, quotes, newlines, 60 KiB)', async () => {
    const v = `{"a":"é\\n\\"'✓"}\n${'x'.repeat(60 * 1024)}`;
    await storage.set('big', v);
    assert.is(await storage.get('big'), v);
  });

  t('TTL: the value is there before it expires and gone after', async () => {
    const ttl = h.advance ? 10_000 : 150;
    await storage.set('ttl', 'v', { ttlMs: ttl });
    await storage.set('forever', 'w');
    assert.is(await storage.get('ttl'), 'v');
    if (h.advance) {
      h.advance(ttl - 1);
      assert.is(await storage.get('ttl'), 'v');
      h.advance(1);
      assert.is(await storage.get('ttl'), undefined);
    } else {
      assert.ok(await eventually(async () => (await storage.get('ttl')) === undefined, 3000), 'expired within 3 s');
    }
    assert.is(await storage.get('forever'), 'w');
  });

  t('TTL: set without a TTL removes the earlier one; set with a new TTL replaces it', async () => {
    const ttl = h.advance ? 1000 : 100;
    await storage.set('a', '1', { ttlMs: ttl });
    await storage.set('a', '2');
    await storage.set('b', '1', { ttlMs: ttl });
    await storage.set('b', '2', { ttlMs: ttl * 100 });
    if (h.advance) h.advance(ttl * 2);
    else await new Promise((r) => setTimeout(r, ttl * 2));
    assert.is(await storage.get('a'), '2');
    assert.is(await storage.get('b'), '2');
  });

  t('TTL of 0 means already expired', async () => {
    await storage.set('z', 'v', { ttlMs: 0 });
    assert.is(await storage.get('z'), undefined);
  });

  t('update (where offered) is atomic under concurrent callers', async () => {
    if (!storage.update) return;
    const bump = () => storage.update!('n', (cur) => String(Number(cur ?? '0') + 1));
    await Promise.all(Array.from({ length: 20 }, bump));
    assert.is(await storage.get('n'), '20');
    assert.is(await storage.update('n', () => undefined), undefined);
    assert.is(await storage.get('n'), undefined);
  });

  t('StateHandle over this backend: typed state with bigint data survives a new handle', async () => {
    type S = { askName: Record<string, never>; askAge: { name: string; userId: bigint } };
    const a = new StateHandle<S>(storage, 'c1:u1');
    assert.is(await a.get(), undefined);
    await a.set('askAge', { name: 'Ann', userId: 2n ** 60n });
    const b = new StateHandle<S>(storage, 'c1:u1');
    const s = await b.get();
    assert.equal(s, { name: 'askAge', data: { name: 'Ann', userId: 2n ** 60n } });
    await b.clear();
    assert.is(await new StateHandle<S>(storage, 'c1:u1').get(), undefined);
  });

  t('scene position survives a new SceneManager (a restart mid-wizard)', async () => {
    const seen: string[] = [];
    const make = () =>
      new SceneManager<string>(storage, [
        new Wizard<string, { got: string[] }>('w', [
          (ctx, w) => {
            w.data.got.push(ctx);
            w.next();
          },
          (ctx, w) => {
            w.data.got.push(ctx);
            seen.push(w.data.got.join(','));
            w.leave();
          },
        ]),
      ]);
    await make().enter('k', 'w', { got: [] }, 'first');
    assert.equal(await make().current('k'), { scene: 'w', step: 1, data: { got: ['first'] } });
    assert.ok(await make().handle('k', 'second'));
    assert.equal(seen, ['first,second']);
    assert.is(await make().current('k'), undefined);
  });

  t.run();
}
