import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generateTl } from '../../build/generate-tl.js';
import { unpackSchema } from '../../ts/tl/codec/schema-table.js';
import * as K from '../../ts/tl/codec/type-code.js';
import { parseSchema } from '../../ts/tl/parser/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const docs = JSON.parse(read('schema/api-docs.json'));
const current = generateTl({ apiTl: read('schema/api.tl'), mtprotoTl: read('schema/mtproto.tl'), docs });

/** Pulls the NAMES and TABLE constants out of a generated schema.ts. */
function tableOf(schemaTs: string) {
  const names = JSON.parse(/NAMES = (".*");/.exec(schemaTs)![1]!) as string;
  const table = /TABLE = '([^']*)';/.exec(schemaTs)![1]!;
  return unpackSchema(names, table);
}

test('generator: LAYER and one table entry per definition of both schemas', () => {
  assert.match(current.schemaTs, /export const LAYER = 227;/);
  const api = parseSchema(read('schema/api.tl'));
  const mtp = parseSchema(read('schema/mtproto.tl'));
  // Bool, true and vector are handled natively by the codec.
  assert.is(current.definitions, api.definitions.length - 4 + mtp.definitions.length);
  const t = tableOf(current.schemaTs);
  assert.is(t.layer, 227);
  assert.is(t.defCount, current.definitions);
  const d = t.byName.get('messages.sendMessage')!;
  assert.is(t.ids[d], 0xfef48f62);
  assert.is(K.kindOf(t.resultOf[d]!), K.K_TYPE);
  assert.is(t.typeNames[K.indexOf(t.resultOf[d]!)], 'Updates');
  const fields = t.fieldNames.slice(t.fieldStart[d], t.fieldStart[d + 1]);
  assert.equal(fields.slice(0, 3), ['flags', 'no_webpage', 'silent']);
  // silent:flags.5?true -> slot 0, bit 5
  assert.is(t.fieldConds[t.fieldStart[d]! + 2], 5);
  const getUsers = t.byName.get('users.getUsers')!;
  assert.is(K.wrapOf(t.resultOf[getUsers]!), K.WRAP_VECTOR);
  const wrap = t.byName.get('invokeWithLayer')!;
  assert.is(K.kindOf(t.resultOf[wrap]!), K.K_GENERIC);
});

test('generator: types are discriminated unions with TSDoc, typed requests and no flags words', () => {
  const ts = current.typesTs;
  assert.match(ts, 'export type InputPeer = InputPeer.inputPeerEmpty | InputPeer.inputPeerSelf');
  assert.match(ts, "    _: 'inputPeerUser';\n    /** User identifier */\n    user_id: bigint;");
  assert.match(ts, "export interface invokeWithLayer<X extends AnyRequest = AnyRequest> {\n  _: 'invokeWithLayer';");
  assert.match(ts, "'messages.sendMessage': Updates;");
  assert.match(ts, "'contacts.getContactIDs': number[];");
  assert.match(ts, "'req_pq_multi': ResPQ;");
  // `#` words are left out (a few constructors have a real `flags:int` field, which stays).
  const user = /export interface user \{[\s\S]*?\n {2}\}/.exec(ts)![0];
  assert.match(user, 'bot_can_edit?: boolean;');
  assert.not.match(user, /\bflags2?\??:/);
  assert.match(ts, /export interface receivedNotifyMessage \{[^}]*flags: number;/);
  // A root type shadowed inside a namespace is referenced through the Types map.
  assert.match(ts, "full_chat: Types['ChatFull'];");
  // `null` is not a valid interface name.
  assert.match(ts, 'export type Null = Null.null_;');
});

test('generator: replacing schema/api.tl with layer 228 is all it takes to move layers', () => {
  const next = generateTl({ apiTl: read('../shared/schema/api-layer228.tl'), mtprotoTl: read('schema/mtproto.tl'), docs });
  assert.match(next.schemaTs, /export const LAYER = 228;/);
  const t = tableOf(next.schemaTs);
  assert.is(t.layer, 228);
  const d = t.byName.get('communities.create');
  assert.ok(d !== undefined, 'a layer-228 method is in the table');
  assert.match(next.typesTs, 'export declare namespace communities {');
  // Layer 227 docs still describe the constructors both layers share.
  assert.match(next.typesTs, 'Defines a user for further interaction.');
});

test.run();
