/**
 * The checks every runtime runs against the packed package, as JavaScript
 * source (the scratch projects are plain JS): one body, written out as an ES
 * module and as a CommonJS module. `mods` holds the package's entries,
 * loaded by the runner with `import` or `require`; `opts` says where the test
 * server listens and which transport to use.
 */
const body = `
const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('');
const text = (s) => new TextEncoder().encode(s);
function expect(cond, what) { if (!cond) throw new Error('check failed: ' + what); }

async function runChecks(mods, opts) {
  const { crypto: c, tl, network, transport } = mods;
  const out = {};
  const crypto = await c.createCryptoProvider();
  out.engine = crypto.engine;
  // FIPS 180-4 examples.
  expect(hex(crypto.sha1(text('abc'))) === 'a9993e364706816aba3e25717850c26c9cd0d89d', 'sha1("abc")');
  expect(hex(crypto.sha256(text('abc'))) === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'sha256("abc")');
  // https://core.telegram.org/mtproto/samples-auth_key: pq = 0x17ED48941A08F981
  const [p, q] = crypto.factorizePQ(0x17ed48941a08f981n);
  expect(p === 0x494c553bn && q === 0x53911073n, 'factorizePQ sample');
  const key = new Uint8Array(32).map((_, i) => i);
  const iv = new Uint8Array(32).map((_, i) => 255 - i);
  const plain = new Uint8Array(64).map((_, i) => i * 7);
  const enc = crypto.igeEncrypt(plain, key, iv);
  expect(hex(crypto.igeDecrypt(enc, key, iv)) === hex(plain) && hex(enc) !== hex(plain), 'AES-256-IGE round trip');
  // TL: help.getConfig#c4f9186b is its id little-endian; a constructor with a long round-trips.
  expect(hex(tl.encode({ _: 'help.getConfig' })) === '6b18f9c4', 'TL help.getConfig bytes');
  const peer = { _: 'inputPeerUser', user_id: 777000n, access_hash: -5n };
  const bytes = tl.encode(peer);
  expect(hex(bytes.subarray(0, 4)) === hex(tl.encode({ _: 'inputPeerUser', user_id: 0n, access_hash: 0n }).subarray(0, 4)), 'TL constructor id');
  const back = tl.decode(bytes);
  expect(back._ === 'inputPeerUser' && back.user_id === 777000n && back.access_hash === -5n, 'TL round trip');
  out.tl = 'ok';
  // Key exchange + help.getConfig against the test server.
  const sockets = opts.websocket
    ? await transport.createDefaultSocketFactory({ prefer: 'websocket', websocket: { scheme: 'ws' } })
    : await transport.createDefaultSocketFactory();
  const conn = new network.Connection({
    crypto,
    sockets,
    dcId: 2,
    host: opts.host,
    port: opts.websocket ? opts.wsPort : opts.port,
    rsaKeys: [c.loadRsaPublicKey(opts.pem, crypto)],
    initConnection: { api_id: 1, device_model: 'runtime suite', system_version: opts.runtime, app_version: '0', system_lang_code: 'en', lang_pack: '', lang_code: 'en' },
    reconnect: { initialMs: 50, maxMs: 500 },
  });
  try {
    const config = await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 20000 });
    expect(config._ === 'config' && config.this_dc === 2, 'help.getConfig this_dc');
    out.getConfig = 'this_dc=' + config.this_dc;
  } finally {
    conn.close();
  }
  return out;
}
`;

/** The checks as an ES module exporting `runChecks`. */
export const checksEsm = `${body}\nexport { runChecks };\n`;
/** The checks as a CommonJS module exporting `runChecks`. */
export const checksCjs = `${body}\nmodule.exports = { runChecks };\n`;
