/**
 * `help.getConfig` and `help.getNearestDc` on the in-memory Telegram: a real
 * `config` describing the emulator's loopback DCs, valid against the schema
 * (it encodes with the TL codec and decodes back equal).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { wrapWithInitConnection, type InitConnectionFields } from '../../ts/mtproto/session/init-connection.js';
import { buildConfig, CONFIG_TTL, encodeResult, manualClock, seededRandom, TelegramBackend } from '../../ts/testing/telegram/index.js';
import { decode, decodeResult, encode } from '../../ts/tl/codec/index.js';
import type { Config } from '../../ts/tl/generated/types.js';

const INIT: InitConnectionFields = {
  api_id: 1,
  device_model: 'uvu',
  system_version: 'node',
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};
const T0 = 1_700_000_000;

/**
 * The decoder lists absent optional fields as `undefined` (and absent `true`
 * flags as false); the handler leaves them out. Drops both for comparison.
 */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== false) out[k] = plain(x);
  return out;
}

/** Encodes `obj`, decodes it back and checks it is the same object and the same bytes. */
function roundTrip(obj: Parameters<typeof encode>[0], decoded: (bytes: Uint8Array) => unknown = decode): Uint8Array {
  const bytes = encode(obj);
  const back = decoded(bytes);
  assert.equal(plain(back), plain(obj));
  assert.equal(encode(back as Parameters<typeof encode>[0]), bytes);
  return bytes;
}
const PORTS = [0, 40001, 40002, 40003, 40004, 40005];

function setup() {
  const clock = manualClock(T0);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(3) });
  for (let dc = 1; dc <= 5; dc++) backend.setDcPort(dc, PORTS[dc]!);
  return { backend, clock };
}

test('help.getConfig: this_dc, test_mode, date/expires from the clock, one loopback dcOption per DC', async () => {
  const { backend } = setup();
  for (let dc = 1; dc <= 5; dc++) {
    const ctx = backend.connect(dc, { authKeyId: BigInt(dc) });
    const config = await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getConfig' }, INIT));
    assert.is(config._, 'config');
    assert.is(config.this_dc, dc);
    assert.is(config.test_mode, true);
    assert.is(config.date, T0);
    assert.is(config.expires, T0 + CONFIG_TTL);
    assert.equal(
      config.dc_options.map((o) => [o.id, o.ip_address, o.port]),
      [1, 2, 3, 4, 5].map((id) => [id, '127.0.0.1', PORTS[id]]),
    );
    assert.ok(config.dc_options.every((o) => !o.ipv6 && !o.media_only && !o.cdn));
  }
});

test('help.getConfig: sane limits', async () => {
  const { backend } = setup();
  const ctx = backend.connect(2, { authKeyId: 9n });
  const c = await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getConfig' }, INIT));
  assert.is(c.message_length_max, 4096);
  assert.is(c.caption_length_max, 1024);
  assert.is(c.chat_size_max, 200);
  assert.ok(c.megagroup_size_max >= 200000);
  assert.ok(c.forwarded_count_max > 0 && c.edit_time_limit > 0);
  assert.ok(c.webfile_dc_id >= 1 && c.webfile_dc_id <= 5);
  assert.is(c.me_url_prefix, 'https://t.me/');
});

test('help.getConfig: encodes with the TL codec and decodes back equal', async () => {
  const { backend } = setup();
  const ctx = backend.connect(3, { authKeyId: 9n });
  const request = wrapWithInitConnection({ _: 'help.getConfig' }, INIT);
  const config = await backend.handle(ctx, request);
  const bytes = roundTrip(config);
  roundTrip(config, (b) => decodeResult(request, b));
  assert.equal(encodeResult(request, config), bytes, 'encodeResult of an object is plain encode');
});

test('help.getConfig: a DC whose port is not known yet is left out; date follows the clock', async () => {
  const clock = manualClock(T0);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(3), dcCount: 3 });
  backend.setDcPort(2, 41000);
  const ctx = backend.connect(2, { authKeyId: 9n });
  await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT));
  clock.advance(42);
  const c = await backend.handle(ctx, { _: 'help.getConfig' });
  assert.equal(c.dc_options, [{ _: 'dcOption', id: 2, ip_address: '127.0.0.1', port: 41000 }]);
  assert.is(c.date, T0 + 42);
  backend.setDcPort(1, 41001);
  backend.setDcPort(3, 41003, '127.0.0.2');
  const c2 = await backend.handle(ctx, { _: 'help.getConfig' });
  assert.equal(
    c2.dc_options.map((o) => `${o.id}@${o.ip_address}:${o.port}`),
    ['1@127.0.0.1:41001', '2@127.0.0.1:41000', '3@127.0.0.2:41003'],
  );
});

test('buildConfig: schema-valid with every DC count', () => {
  for (let n = 1; n <= 5; n++) {
    const dcs = Array.from({ length: n }, (_, i) => ({ id: i + 1, ip: '127.0.0.1', port: 5000 + i }));
    const c: Config = buildConfig({ thisDc: 1, dcs, now: T0 });
    roundTrip(c);
  }
});

test('setDcPort: checks DC id and port range', () => {
  const { backend } = setup();
  assert.throws(() => backend.setDcPort(6, 1000), /DC id/);
  assert.throws(() => backend.setDcPort(0, 1000), /DC id/);
  assert.throws(() => backend.setDcPort(1, 0), /port/);
  assert.throws(() => backend.setDcPort(1, 70000), /port/);
  assert.throws(() => backend.dc(6), /DC id/);
  assert.throws(() => new TelegramBackend({ dcCount: 0 }), /DC count/);
});

test('help.getNearestDc: country XX, this_dc and nearest_dc are the answering DC; schema-valid', async () => {
  const { backend } = setup();
  for (let dc = 1; dc <= 5; dc++) {
    const ctx = backend.connect(dc, { authKeyId: 100n + BigInt(dc) });
    const request = wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT);
    const nearest = await backend.handle(ctx, request);
    assert.equal(nearest, { _: 'nearestDc', country: 'XX', this_dc: dc, nearest_dc: dc });
    roundTrip(nearest, (b) => decodeResult(request, b));
  }
});

test.run();
