/**
 * Serving an older layer (issue 9 item 2): the per-schema codec, the layer
 * registry (198 from the telegram package, user `.tl` text) and the
 * conversion generated from the two schemas. Layer-198 bytes are checked
 * with GramJS's own reader (telegram/extensions/BinaryReader), an
 * independent implementation of that layer.
 */
import fs from 'node:fs';
import { Api } from 'telegram';
import { BinaryReader } from 'telegram/extensions/BinaryReader.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTestServerArgs } from '../../ts/testing/cli.js';
import { LayerRegistry } from '../../ts/testing/layers/index.js';
import { ScriptedWorld } from '../../ts/testing/scripted/index.js';
import { manualClock, seededRandom, TelegramBackend } from '../../ts/testing/telegram/index.js';
import { createCodec, DecodeBudget, decode, encode, schemaFromText } from '../../ts/tl/codec/index.js';
import { getSchema } from '../../ts/tl/codec/load-schema.js';
import type { AnyTlObject, Message, messages, Updates, User } from '../../ts/tl/generated/types.js';

const T0 = 1_700_000_000;
const notes: string[] = [];
const registry = new LayerRegistry({ onNote: (n) => notes.push(n) });
const l198 = registry.forClient(198)!;

function gram(bytes: Uint8Array): any {
  return new BinaryReader(Buffer.from(bytes)).tgReadObject();
}

function world() {
  const backend = new TelegramBackend({ now: manualClock(T0), random: seededRandom(7) });
  const w = new ScriptedWorld(backend);
  return {
    backend,
    w,
    alice: w.user({ firstName: 'Alice', lastName: 'Liddell', username: 'alice198' }),
    bob: w.user({ firstName: 'Bob' }),
  };
}

test('schemaFromText builds the generated table from schema/*.tl (same ids, names, field codes)', () => {
  const s = schemaFromText(fs.readFileSync('schema/api.tl', 'utf8'), fs.readFileSync('schema/mtproto.tl', 'utf8'));
  const g = getSchema();
  assert.is(s.layer, g.layer);
  assert.is(s.defCount, g.defCount);
  assert.equal([...s.ids], [...g.ids]);
  assert.equal(s.names, g.names);
  assert.equal([...s.fieldCodes], [...g.fieldCodes]);
  assert.equal([...s.fieldConds], [...g.fieldConds]);
  assert.equal(s.fieldNames, g.fieldNames);
});

test('registry: 227 is served as is, 198 from the telegram package, unknown older layers by the nearest known', () => {
  assert.equal(registry.layers(), [198, 227]);
  assert.is(registry.forClient(227), undefined);
  assert.is(registry.forClient(230), undefined);
  assert.is(l198.layer, 198);
  assert.is(registry.forClient(150), l198, 'nearest known layer above');
  assert.is(registry.forClient(199), l198, 'nearest known below when none above');
});

test('createCodec(198): ids of that layer, the default codec unchanged', () => {
  const c = l198.codec;
  // messages.sendMessage changed id between 198 and 227.
  assert.is(c.idOf('messages.sendMessage'), 0x983f9745);
  assert.is.not(c.idOf('messages.sendMessage'), createCodec(getSchema()).idOf('messages.sendMessage'));
  const req = { _: 'messages.sendMessage', peer: { _: 'inputPeerSelf' }, message: 'hi', random_id: 5n };
  const bytes = c.encode(req);
  assert.is(new DataView(bytes.buffer).getUint32(0, true), 0x983f9745);
  assert.equal(c.decodeRequest(bytes), { ...c.decodeRequest(bytes), _: 'messages.sendMessage', message: 'hi', random_id: 5n });
  // The default codec does not know that id.
  assert.throws(() => decode(bytes), /unknown constructor id #983f9745/);
  // ... and the same bytes GramJS writes for that request.
  const g = new Api.messages.SendMessage({ peer: new Api.InputPeerSelf(), message: 'hi', randomId: 5 as never });
  assert.equal([...bytes], [...g.getBytes()]);
});

test('request up: GramJS layer-198 auth.sendCode and messages.sendMessage read as layer-227 objects', () => {
  const budget = () => new DecodeBudget();
  const sendCode = new Api.auth.SendCode({
    phoneNumber: '9996621234',
    apiId: 1,
    apiHash: 'h',
    settings: new Api.CodeSettings({ allowFlashcall: true }),
  });
  const up = l198.read(sendCode.getBytes(), budget()) as { _: string; settings: Record<string, unknown> };
  assert.is(up._, 'auth.sendCode');
  assert.is(up.settings._, 'codeSettings');
  assert.is(up.settings.allow_flashcall, true);
  // The layer-227 writer takes the converted object as is.
  assert.ok(encode(up as AnyTlObject).length > 0);
  const send = new Api.messages.SendMessage({
    peer: new Api.InputPeerSelf(),
    message: 'hello',
    randomId: 77 as never,
    entities: [new Api.MessageEntityBold({ offset: 0, length: 5 })],
  });
  const m = l198.read(send.getBytes(), budget()) as unknown as Record<string, unknown>;
  assert.is(m._, 'messages.sendMessage');
  assert.is(m.message, 'hello');
  assert.is(m.random_id, 77n);
  assert.equal(m.entities, [{ _: 'messageEntityBold', offset: 0, length: 5 }]);
  // Fields 227 added are absent (flags) in the converted request.
  assert.is(m.allow_paid_stars, undefined);
});

test('config, user, messages.messages and updates in layer 198 decode with GramJS to the same values', async () => {
  const { alice, bob } = world();
  const config = (await alice.invoke({ _: 'help.getConfig' })) as AnyTlObject & { this_dc: number; dc_options: unknown[] };
  const gc = gram(l198.object(config)!);
  assert.is(gc.className, 'Config');
  assert.is(gc.thisDc, config.this_dc);
  assert.is(gc.dcOptions.length, config.dc_options.length);

  const [me] = (await alice.invoke({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] })) as User[];
  assert.ok(me && me._ === 'user');
  if (me?._ !== 'user') return;
  const gu = gram(l198.object(me)!);
  assert.is(gu.className, 'User');
  assert.is(gu.firstName, 'Alice');
  assert.is(gu.lastName, 'Liddell');
  assert.is(gu.username, 'alice198');
  assert.is(gu.self, true);
  assert.is(BigInt(gu.id.toString()), me.id);
  assert.is(BigInt(gu.accessHash.toString()), me.access_hash);

  const text = 'bold and link';
  const entities = [
    { _: 'messageEntityBold' as const, offset: 0, length: 4 },
    { _: 'messageEntityTextUrl' as const, offset: 9, length: 4, url: 'https://example.org/' },
  ];
  await alice.sendMessage(bob, text, { entities });
  const history = (await alice.invoke({
    _: 'messages.getHistory',
    peer: alice.inputPeer(bob),
    offset_id: 0,
    offset_date: 0,
    add_offset: 0,
    limit: 10,
    max_id: 0,
    min_id: 0,
    hash: 0n,
  })) as messages.Messages;
  assert.is(history._, 'messages.messages');
  if (history._ !== 'messages.messages') return;
  const gh = gram(l198.object(history)!);
  assert.is(gh.className, 'messages.Messages');
  assert.is(gh.messages.length, history.messages.length);
  assert.is(gh.users.length, history.users.length);
  const gm = gh.messages[0];
  const m = history.messages[0] as Extract<Message, { _: 'message' }>;
  assert.is(gm.className, 'Message');
  assert.is(gm.id, m.id);
  assert.is(gm.message, text);
  assert.is(gm.date, m.date);
  assert.is(gm.out, true);
  assert.equal(
    gm.entities.map((e: { className: string; offset: number; length: number; url?: string }) => [e.className, e.offset, e.length, e.url]),
    [
      ['MessageEntityBold', 0, 4, undefined],
      ['MessageEntityTextUrl', 9, 4, 'https://example.org/'],
    ],
  );

  // A message with a photo (the layer-227 messageMediaPhoto has a new id and fields).
  const photo = {
    ...m,
    media: {
      _: 'messageMediaPhoto' as const,
      spoiler: true,
      photo: {
        _: 'photo' as const,
        id: 10n,
        access_hash: 11n,
        file_reference: new Uint8Array([1, 2, 3]),
        date: T0,
        sizes: [{ _: 'photoSize' as const, type: 'x', w: 800, h: 600, size: 12345 }],
        dc_id: 2,
      },
    },
  } as Message;
  const gp = gram(l198.object(photo)!);
  assert.is(gp.media.className, 'MessageMediaPhoto');
  assert.is(gp.media.spoiler, true);
  assert.is(gp.media.photo.id.toString(), '10');
  assert.is(gp.media.photo.sizes[0].w, 800);
  assert.equal([...gp.media.photo.fileReference], [1, 2, 3]);

  // Updates: what sendMessage answers to Saved Messages (full `updates`, as Telegram does).
  const u = (await alice.invoke({ _: 'messages.sendMessage', peer: { _: 'inputPeerSelf' }, message: 'saved', random_id: 9n })) as Updates;
  const gupd = gram(l198.object(u)!);
  assert.is(gupd.className, u._ === 'updates' ? 'Updates' : 'UpdateShortSentMessage');
  if (u._ === 'updates') {
    assert.equal(
      gupd.updates.map((x: { className: string }) => x.className),
      u.updates.map((x) => x._.charAt(0).toUpperCase() + x._.slice(1)),
    );
    const nm = gupd.updates.find((x: { className: string }) => x.className === 'UpdateNewMessage');
    assert.is(nm.message.message, 'saved');
  }
});

test('constructors layer 198 lacks: nearest equivalent, an update it cannot express dropped, said in the notes', () => {
  const media = { _: 'messageMediaToDo', todo: { _: 'todoList', title: { _: 'textWithEntities', text: 't', entities: [] }, list: [] } };
  const m = l198.convertDown(media as never);
  assert.is(m?._, 'messageMediaUnsupported');
  const upd = {
    _: 'updates',
    updates: [{ _: 'updateSentPhoneCode', sent_code: { _: 'auth.sentCodeTypeApp', length: 5 } }, { _: 'updateConfig' }],
    users: [],
    chats: [],
    date: T0,
    seq: 0,
  };
  const g = gram(l198.object(upd as never)!);
  assert.equal(
    g.updates.map((x: { className: string }) => x.className),
    ['UpdateConfig'],
  );
  assert.ok(
    notes.some((n) => n.includes('messageMediaToDo written as messageMediaUnsupported')),
    notes.join('; '),
  );
  assert.ok(notes.some((n) => /updateSentPhoneCode (dropped|written as)/.test(n)));
  // An updateShort of an update 198 cannot express is dropped whole.
  const short = { _: 'updateShort', update: { _: 'updateManagedBot', user_id: 1n, bot_id: 2n }, date: T0 };
  const conv = l198.convertDown(short as never);
  assert.ok(conv === undefined || conv._ === 'updateShort');
});

test('without onNote, decisions wait in takeNotes (the server puts them in the trace), each said once', () => {
  const l = new LayerRegistry().forClient(198)!;
  const upd = {
    _: 'updates',
    updates: [{ _: 'updateSentPhoneCode', sent_code: { _: 'auth.sentCodeTypeApp', length: 5 } }],
    users: [],
    chats: [],
    date: T0,
    seq: 0,
  };
  l.object(upd as never);
  assert.equal(l.takeNotes(), ['layer 198: updateSentPhoneCode dropped (an Update this layer does not know)']);
  l.object(upd as never);
  assert.equal(l.takeNotes(), []);
  // A pushed object that cannot be written in the layer is left out (never thrown into the update hub).
  assert.is(l.object({ _: 'updateShort', update: 5, date: T0 } as never), undefined);
  assert.match(l.takeNotes()[0] ?? '', /^layer 198: updateShort left out: /);
});

test('a function layer 198 has and 227 lacks is refused; extra layers from .tl text', () => {
  const reg = new LayerRegistry({
    extraLayers: [
      '// LAYER 100\nnearestDc#8e1a1775 country:string this_dc:int nearest_dc:int = NearestDc;\nnearestDcOld#11111111 country:string = NearestDc;\n---functions---\nhelp.getNearestDc#1fb33026 = NearestDc;\nhelp.oldMethod#22222222 = NearestDc;\n',
    ],
  });
  assert.equal(reg.layers(), [100, 198, 227]);
  const l100 = reg.forClient(100)!;
  assert.is(l100.layer, 100);
  const req = l100.read(l100.codec.encode({ _: 'help.getNearestDc' }), new DecodeBudget());
  assert.is(req._, 'help.getNearestDc');
  assert.throws(
    () => l100.read(l100.codec.encode({ _: 'help.oldMethod' }), new DecodeBudget()),
    /help.oldMethod has no equivalent in layer 227/,
  );
  const ans = l100.result(req as never, encode({ _: 'nearestDc', country: 'NL', this_dc: 2, nearest_dc: 4 }));
  assert.equal(l100.codec.decode(ans), { _: 'nearestDc', country: 'NL', this_dc: 2, nearest_dc: 4 });
  assert.throws(
    () => new LayerRegistry({ extraLayers: ['nearestDc#8e1a1775 country:string this_dc:int nearest_dc:int = NearestDc;'] }),
    /LAYER/,
  );
});

test('wasmgram test-server --layer-schema FILE.tl (repeatable) becomes extraLayers', () => {
  const args = parseTestServerArgs(['--layer-schema', 'a.tl', '--layer-schema', 'b.tl']) as { layerSchemas?: string[] };
  assert.equal(args.layerSchemas, ['a.tl', 'b.tl']);
});

test.run();
