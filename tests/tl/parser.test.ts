import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  canonicalText,
  crc32,
  crc32String,
  formatDefinition,
  idMismatches,
  parseSchema,
  TlSyntaxError,
  type TlDefinition,
  type TlSchema,
} from '../../ts/tl/parser/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const hex = (n: number) => n.toString(16);
const find = (s: TlSchema, name: string, kind: TlDefinition['kind'] = 'constructor') => {
  const d = s.definitions.find((x) => x.name === name && x.kind === kind);
  assert.ok(d, `${kind} ${name} not found`);
  return d!;
};

/** Asserts that parsing `text` fails at exactly line:column with a message containing `reason`. */
function assertSyntaxError(text: string, line: number, column: number, reason: string, strictIds = false) {
  try {
    parseSchema(text, { file: 'test.tl', strictIds });
  } catch (e) {
    assert.instance(e, TlSyntaxError);
    const err = e as TlSyntaxError;
    assert.is(`${err.line}:${err.column}`, `${line}:${column}`, `position for ${JSON.stringify(text)}: ${err.message}`);
    assert.match(err.reason, reason);
    assert.ok(err.message.startsWith(`test.tl:${line}:${column}: `));
    return;
  }
  assert.unreachable(`no error for ${JSON.stringify(text)}`);
}

// ---- CRC32 ------------------------------------------------------------------

test('crc32: standard check value of "123456789" is cbf43926', () => {
  assert.is(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.is(crc32(new Uint8Array(0)), 0);
  assert.is(crc32String('a'), 0xe8b7be43);
});

test('crc32: the TL docs example vector t:Type # [ t ] = Vector t is 1cb5c415', () => {
  assert.is(crc32String('vector t:Type # [ t ] = Vector t'), 0x1cb5c415);
});

// ---- Normalization rules (canonical.ts) --------------------------------------

test('normalize: id, braces and angle brackets are dropped; Vector<T> becomes Vector T', () => {
  const s = parseSchema('messages.getMessages#63c66506 id:Vector<InputMessage> = messages.Messages;');
  const d = s.definitions[0]!;
  assert.is(canonicalText(d.name, d.generics, d.params, d.result), 'messages.getMessages id:Vector InputMessage = messages.Messages');
  assert.is(hex(d.computedId), '63c66506');
  const g = parseSchema('---functions---\ninvokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;').definitions[0]!;
  assert.is(canonicalText(g.name, g.generics, g.params, g.result), 'invokeWithLayer X:Type layer:int query:!X = X');
  assert.is(g.computedId, 0xda9b0d0d);
});

test('normalize: bytes fields are hashed as string (gzip_packed#3072cfa1), Vector<bytes> is not rewritten', () => {
  const d = parseSchema('gzip_packed#3072cfa1 packed_data:bytes = Object;').definitions[0]!;
  assert.is(canonicalText(d.name, d.generics, d.params, d.result), 'gzip_packed packed_data:string = Object');
  assert.is(d.computedId, 0x3072cfa1);
  const cd = parseSchema('x flags:# a:flags.0?bytes b:Vector<bytes> = X;').definitions[0]!;
  assert.is(canonicalText(cd.name, cd.generics, cd.params, cd.result), 'x flags:# a:flags.0?string b:Vector bytes = X');
});

test('normalize: flags.N?true fields are left out of the hash (inputMediaPhoto#e3af4434)', () => {
  const d = parseSchema(
    'inputMediaPhoto#e3af4434 flags:# spoiler:flags.1?true live_photo:flags.2?true id:InputPhoto ttl_seconds:flags.0?int video:flags.2?InputDocument = InputMedia;',
  ).definitions[0]!;
  assert.is(
    canonicalText(d.name, d.generics, d.params, d.result),
    'inputMediaPhoto flags:# id:InputPhoto ttl_seconds:flags.0?int video:flags.2?InputDocument = InputMedia',
  );
  assert.is(d.computedId, 0xe3af4434);
  // The true fields are still fields of the definition.
  assert.equal(
    d.params.map((p) => p.name),
    ['flags', 'spoiler', 'live_photo', 'id', 'ttl_seconds', 'video'],
  );
});

// ---- Real schemas: every id verified ------------------------------------------

test('schema/api.tl: layer 227 from the first line, every id equals its CRC32', () => {
  const s = parseSchema(read('schema/api.tl'), { file: 'api.tl', strictIds: true });
  assert.is(s.layer, 227);
  assert.is(idMismatches(s).length, 0);
  assert.ok(s.definitions.length > 2400, `${s.definitions.length} definitions`);
  for (const d of s.definitions) assert.is(d.id, d.computedId, d.name);
  const fns = s.definitions.filter((d) => d.kind === 'function').length;
  assert.ok(fns > 750 && fns < 850, `${fns} functions`);
  const user = find(s, 'inputPeerUser');
  assert.is(user.id, 0xdde8a54c);
  assert.equal(user.result, { name: 'InputPeer', args: [], percent: false, bang: false });
  assert.equal(
    user.params.map((p) => `${p.name}:${p.type.name}`),
    ['user_id:long', 'access_hash:long'],
  );
  const send = find(s, 'messages.sendMessage', 'function');
  assert.is(send.result.name, 'Updates');
  assert.equal(send.params.find((p) => p.name === 'silent')?.condition, { field: 'flags', bit: 5 });
  const vector = find(s, 'vector');
  assert.is(vector.id, 0x1cb5c415);
  assert.equal(vector.generics, [{ name: 't', type: 'Type' }]);
  assert.is(vector.params[1]?.repeat?.params[0]?.type.name, 't');
});

test('schema/mtproto.tl: every id equals its CRC32; message has a computed id', () => {
  const s = parseSchema(read('schema/mtproto.tl'), { file: 'mtproto.tl', strictIds: true });
  assert.is(idMismatches(s).length, 0);
  assert.is(find(s, 'resPQ').id, 0x05162463);
  assert.is(find(s, 'req_pq_multi', 'function').id, 0xbe7e8ef1);
  assert.is(find(s, 'msg_container').id, 0x73f1f8dc);
  assert.equal(find(s, 'msg_container').params[0]!.type, {
    name: 'vector',
    args: [{ name: 'message', args: [], percent: false, bang: false }],
    percent: false,
    bang: false,
  });
  const message = find(s, 'message');
  assert.is(message.declaredId, undefined);
  assert.is(message.id, crc32String('message msg_id:long seqno:int bytes:int body:Object = Message'));
});

test('../shared/schema/api-layer228.tl: layer 228, every one of its ids verified', () => {
  const s = parseSchema(read('../shared/schema/api-layer228.tl'), { file: 'api-layer228.tl', strictIds: true });
  assert.is(s.layer, 228);
  assert.ok(s.definitions.length > 2400);
  assert.ok(s.definitions.every((d) => d.declaredId === d.computedId));
});

test('../shared/schema/mtproto.tl: parses (builtins, repetitions, no-id types); only the 3 known ids differ', () => {
  const s = parseSchema(read('../shared/schema/mtproto.tl'), { file: 'mtproto.tl' });
  assert.equal(
    s.builtins.map((b) => `${b.name}=${b.result}`),
    ['int=Int', 'long=Long', 'double=Double', 'string=String'],
  );
  assert.equal(
    idMismatches(s).map((d) => d.name),
    ['ipPortSecret', 'accessPointRule', 'help.configSimple'],
  );
  const int128 = find(s, 'int128');
  assert.equal(int128.params[0]!.repeat, {
    multiplicity: 4,
    params: [{ name: '', type: { name: 'int', args: [], percent: false, bang: false } }],
  });
  // Declarations without an id get the CRC32 of their text.
  assert.is(find(s, 'tlsBlockZero').id, crc32String('tlsBlockZero length:int = TlsBlock'));
  // ---types--- after ---functions--- switches back to constructors.
  assert.is(find(s, 'msgs_ack').kind, 'constructor');
  assert.is(find(s, 'ping', 'function').id, 0x7abe77ec);
  // With strict ids, the first mismatch is reported at its id token.
  assertStrictFailsAt(read('../shared/schema/mtproto.tl'), 'ipPortSecret#37982646');
});

function assertStrictFailsAt(text: string, marker: string) {
  const idx = text.indexOf(marker) + marker.indexOf('#');
  const line = text.slice(0, idx).split('\n').length;
  const column = idx - text.lastIndexOf('\n', idx - 1);
  try {
    parseSchema(text, { strictIds: true });
    assert.unreachable('strict mode accepted a wrong id');
  } catch (e) {
    assert.instance(e, TlSyntaxError);
    assert.is(`${(e as TlSyntaxError).line}:${(e as TlSyntaxError).column}`, `${line}:${column}`);
  }
}

// ---- Syntax features -------------------------------------------------------------

test('syntax: comments, multi-line declarations, sections, %T, flags2, namespaces', () => {
  const text = [
    '// LAYER 7',
    '/* a block',
    '   comment */ user#11 flags:# flags2:# a:flags2.31?string = User; // tail',
    'ns.thing#22',
    '  x:%Thing y:Vector<%Thing>',
    '  = ns.Thing;',
    '---functions---',
    'ns.get#33 {X:Type} flags:# q:!X n:flags.0?int = X;',
  ].join('\n');
  const s = parseSchema(text);
  assert.is(s.layer, 7);
  assert.is(s.definitions.length, 3);
  const [user, thing] = s.definitions;
  assert.equal(user!.params[2], {
    name: 'a',
    type: { name: 'string', args: [], percent: false, bang: false },
    condition: { field: 'flags2', bit: 31 },
  });
  assert.is(user!.declaredId, 0x11);
  assert.is(user!.line, 3);
  assert.is(user!.column, 15);
  assert.is(thing!.name, 'ns.thing');
  assert.is(thing!.result.name, 'ns.Thing');
  assert.ok(thing!.params[0]!.type.percent);
  assert.ok(thing!.params[1]!.type.args[0]!.percent);
  assert.is(formatDefinition(thing!), 'ns.thing#22 x:%Thing y:Vector<%Thing> = ns.Thing;');
});

test('syntax: a flags field must come before the fields that use it', () => {
  assertSyntaxError('---functions---\nns.get {X:Type} n:flags.0?int flags:# = X;', 2, 19, "'flags' is not a '#' field declared before 'n'");
});

test('formatDefinition: round-trips every definition of schema/api.tl', () => {
  const text = read('schema/api.tl');
  const s = parseSchema(text);
  const lines = new Set(text.split('\n'));
  for (const d of s.definitions) assert.ok(lines.has(formatDefinition(d)), formatDefinition(d));
});

// ---- Errors: exact line and column -----------------------------------------------

test('errors: lexical problems', () => {
  assertSyntaxError('user#1 a:int = User;\nchat#2 b:int$ = Chat;', 2, 13, "unexpected character '$'");
  assertSyntaxError('/* never closed\nuser = User;', 1, 1, 'unterminated /* comment');
  assertSyntaxError('user#123456789 = User;', 1, 5, 'longer than 8 hex digits');
  assertSyntaxError('user#12g4 = User;', 1, 8, 'invalid character in constructor id');
  assertSyntaxError('x = X;\n---method---\n', 2, 1, "unknown section '---method---'");
});

test('errors: grammar problems name the token', () => {
  assertSyntaxError('user#1 id:int = User', 1, 21, "expected ';' at the end of the declaration, found end of file");
  assertSyntaxError('user#1 id:int User;', 1, 19, "expected '=', found ';'");
  assertSyntaxError('user#1 id: = User;', 1, 12, "expected a type name, found '='");
  assertSyntaxError('  #1 = User;', 1, 3, "expected a combinator name, found '#'");
  assertSyntaxError('user#1 id:Vector<int = User;', 1, 22, "expected '>' to close the type arguments, found '='");
  assertSyntaxError('user#1 = ;', 1, 10, "expected a result type, found ';'");
  assertSyntaxError('user#1 {X:} = X;', 1, 11, "expected a kind ('Type' or '#'), found '}'");
  assertSyntaxError('int#1 ? = Int;', 1, 4, 'a built-in declaration cannot have an id');
});

test('errors: flags and conditional fields', () => {
  assertSyntaxError('user#1 flags:# a:flags.32?int = User;', 1, 24, 'flag bit 32 is out of range 0..31');
  assertSyntaxError('user#1 a:flags.0?int = User;', 1, 10, "'flags' is not a '#' field declared before 'a'");
  assertSyntaxError('user#1 n:int a:n.0?int = User;', 1, 16, "'n' is not a '#' field declared before 'a'");
  assertSyntaxError('user#1 flags:# a:flags.x?int = User;', 1, 24, "expected a flag bit number after 'flags.'");
  assertSyntaxError('user#1 flags:# a:flags.1 int = User;', 1, 26, "expected '?' after the flag bit");
  assertSyntaxError('user#1 flags:# f2:flags.0?# = User;', 1, 19, 'a flags word cannot be conditional');
});

test('errors: generics, duplicates and ids', () => {
  assertSyntaxError('---functions---\nwrap#1 q:!X = X;', 2, 10, "'!X' needs a type variable {X:Type}");
  assertSyntaxError('user#1 a:int a:long = User;', 1, 14, "duplicate field 'a'");
  assertSyntaxError('user#1 = User;\n\nuser#2 = User;', 3, 1, "duplicate constructor 'user' (first declared at line 1)");
  assertSyntaxError('a#5 = A;\nb#5 = B;', 2, 1, "id #5 of 'b' is already used by 'a' (line 1)");
  assertSyntaxError('\n  boolTrue#997275b4 = Bool;', 2, 11, "id #997275b4 does not match #997275b5, the CRC32 of 'boolTrue = Bool'", true);
  // Without strictIds the same text parses and reports the mismatch.
  const s = parseSchema('boolTrue#997275b4 = Bool;');
  assert.equal(
    idMismatches(s).map((d) => [hex(d.declaredId!), hex(d.computedId)]),
    [['997275b4', '997275b5']],
  );
});

test.run();
