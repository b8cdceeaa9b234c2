/**
 * Lookups filled on demand. The id index (ts/tl/codec/id-index.ts): the unpacked
 * table starts with an empty index and each boxed id is found once by a scan
 * of the id column (`learnId`), then by hash. It must agree with `byId`
 * (a later duplicate wins, bare-only definitions are never boxed); names
 * likewise (`defByName` agrees with `byName`). The
 * table's "plain field names" option must tell generated code the truth.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileReader } from '../../ts/tl/codec/compile.js';
import { lookupId } from '../../ts/tl/codec/id-index.js';
import { getSchema } from '../../ts/tl/codec/load-schema.js';
import { allFieldNamesPlain, DEF_BARE_ONLY, defByName, learnId, packSchema, unpackSchema } from '../../ts/tl/codec/schema-table.js';
import { K_INT } from '../../ts/tl/codec/type-code.js';
import { NAMES, TABLE } from '../../ts/tl/generated/schema.js';
import { createCodec } from '../../ts/tl/codec/index.js';

test('id index: a freshly unpacked table holds no ids; each is learned on first lookup', () => {
  const defs = [
    { id: 0x11111111, name: 'a', flags: 0, typeIndex: 0, resultCode: 0, fields: [] },
    { id: 0x22222222, name: 'b', flags: 0, typeIndex: 0, resultCode: 0, fields: [] },
  ];
  const { names, table } = packSchema(1, defs, ['T']);
  const s = unpackSchema(names, table);
  assert.ok(s.idIndex.every((x) => x === 0));
  assert.is(lookupId(s.idIndex, 0x22222222), -1);
  assert.is(learnId(s, 0x22222222), 1);
  assert.is(lookupId(s.idIndex, 0x22222222), 1);
  assert.is(learnId(s, 0x33333333), -1);
  assert.is(lookupId(s.idIndex, 0x33333333), -1, 'an unknown id is not remembered');
});

test('id index: every boxed id of the generated layer resolves to what byId says (later duplicates win, bare-only never)', () => {
  const s = getSchema();
  let n = 0;
  for (const [id, d] of s.byId) {
    const got = lookupId(s.idIndex, id) >= 0 ? lookupId(s.idIndex, id) : learnId(s, id);
    assert.is(got, d, s.names[d]);
    n++;
  }
  assert.ok(n > 2000);
  for (let d = 0; d < s.defCount; d++) {
    if ((s.flags[d]! & DEF_BARE_ONLY) !== 0 && !s.byId.has(s.ids[d]!)) assert.is(learnId(s, s.ids[d]!), -1, s.names[d]);
  }
});

test('id index: with two definitions of one id, the later one wins, as in byId', () => {
  const defs = [
    { id: 0x44444444, name: 'first', flags: 0, typeIndex: 0, resultCode: 0, fields: [] },
    { id: 0x44444444, name: 'second', flags: 0, typeIndex: 0, resultCode: 0, fields: [] },
    { id: 0x44444444, name: 'bareOnly', flags: DEF_BARE_ONLY, typeIndex: 0, resultCode: 0, fields: [] },
  ];
  const { names, table } = packSchema(1, defs, ['T']);
  const s = unpackSchema(names, table);
  assert.is(s.byId.get(0x44444444), 1);
  assert.is(learnId(s, 0x44444444), 1);
});

test('table option: field names that are not plain identifiers turn generated readers off for that table', () => {
  const field = (name: string) => ({ name, code: K_INT, cond: -1 });
  const plain = packSchema(1, [{ id: 0x55555555, name: 'p', flags: 0, typeIndex: 0, resultCode: 0, fields: [field('x')] }], ['T']);
  const odd = packSchema(1, [{ id: 0x66666666, name: 'q', flags: 0, typeIndex: 0, resultCode: 0, fields: [field('__proto__')] }], ['T']);
  const sp = unpackSchema(plain.names, plain.table);
  const so = unpackSchema(odd.names, odd.table);
  assert.is(allFieldNamesPlain(sp), true);
  assert.is(allFieldNamesPlain(so), false);
  assert.is(typeof compileReader(sp, 0), 'function');
  assert.is(compileReader(so, 0), undefined);
  // The table walker still reads it.
  assert.is(createCodec(so).decode(Uint8Array.of(0x66, 0x66, 0x66, 0x66, 7, 0, 0, 0))._, 'q');
  assert.is(allFieldNamesPlain(getSchema()), true);
});

test('name lookup: defByName agrees with byName for every name of a fresh table, one by one and after it takes the full map', () => {
  const s = getSchema();
  const fresh = unpackSchema(NAMES, TABLE); // a table of its own: nothing learned yet
  let n = 0;
  for (const [name, d] of s.byName) {
    assert.is(defByName(fresh, name), d, name);
    n++;
  }
  assert.ok(n > 2000);
  assert.is(defByName(fresh, 'noSuchConstructor'), undefined);
});

test('name lookup: bare-only definitions have no name entry; a later duplicate wins', () => {
  const defs = [
    { id: 0x77777777, name: 'dup', flags: 0, typeIndex: 0, resultCode: 0, fields: [] },
    { id: 0x78787878, name: 'dup', flags: 0, typeIndex: 0, resultCode: 0, fields: [] },
    { id: 0x79797979, name: 'dup', flags: DEF_BARE_ONLY, typeIndex: 0, resultCode: 0, fields: [] },
    { id: 0x7a7a7a7a, name: 'bare', flags: DEF_BARE_ONLY, typeIndex: 0, resultCode: 0, fields: [] },
  ];
  const { names, table } = packSchema(1, defs, ['T']);
  const s = unpackSchema(names, table);
  assert.is(defByName(s, 'dup'), s.byName.get('dup'));
  assert.is(defByName(s, 'dup'), 1);
  assert.is(defByName(s, 'bare'), undefined);
  assert.is(s.byName.get('bare'), undefined);
});

test.run();
