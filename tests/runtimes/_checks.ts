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
  // The bot-building entries load (the README's echo bot imports them).
  if (mods.dispatcher && mods.fsm) {
    const f = mods.dispatcher.command('start');
    expect(typeof mods.dispatcher.dispatcherFor === 'function' && f !== undefined, 'wasmgram/dispatcher');
    expect(typeof mods.fsm.MemoryStateStorage === 'function' && typeof mods.fsm.perUser === 'function', 'wasmgram/fsm');
    out.botEntries = 'ok';
  }
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
  if (mods.client && opts.phone) Object.assign(out, await clientChecks(mods.client, opts, crypto, sockets, c.loadRsaPublicKey(opts.pem, crypto)));
  return out;
}

// Sign-in (sign-up of a new test number: code = the DC digit five times), a
// message to Saved Messages read back, the session exported as a string and
// restored by a new client; with opts.sessionFile (Node, Deno, Bun) the first
// client keeps its session in the binary file backend and a third one reopens it.
async function clientChecks(w, opts, crypto, sockets, rsaPublicKey) {
  const out = {};
  const dcs = [{ id: 2, host: opts.host, port: opts.websocket ? opts.wsPort : opts.port }];
  const make = (storage) =>
    new w.TelegramClient({
      apiId: 12345,
      apiHash: '0123456789abcdef',
      testServer: { dcs, rsaPublicKey },
      crypto,
      sockets,
      storage,
      updates: false,
      connection: { connectTimeoutMs: 10000, requestTimeoutMs: 20000 },
    });
  const text = 'hello from ' + opts.runtime;
  const first = make(opts.sessionFile ?? new w.MemoryStorage());
  let me;
  let session;
  try {
    me = await first.start({ phone: opts.phone, code: '22222', firstName: 'Runtime' });
    expect(me.phone === opts.phone.replace('+', ''), 'signed in as ' + opts.phone);
    const sent = await first.sendMessage('me', text);
    let back;
    for await (const m of first.iterHistory('me', { limit: 1 })) back = m;
    expect(back && back.id === sent.id && back.text === text, 'the message read back from Saved Messages');
    session = await first.exportSession();
  } finally {
    await first.close();
  }
  out.signIn = 'ok';
  out.roundTrip = 'ok';
  const restored = make(new w.StringStorage(session));
  try {
    const again = await restored.getMe();
    expect(again.id === me.id, 'the string session restored the account');
    let back;
    for await (const m of restored.iterHistory('me', { limit: 1 })) back = m;
    expect(back && back.text === text, 'the restored client reads the message');
  } finally {
    await restored.close();
  }
  out.storage = 'string';
  if (opts.sessionFile) {
    const reopened = make(opts.sessionFile);
    try {
      expect((await reopened.getMe()).id === me.id, 'the session file restored the account');
    } finally {
      await reopened.close();
    }
    out.storage = 'string + file';
  }
  return out;
}
`;

/** The checks as an ES module exporting `runChecks`. */
export const checksEsm = `${body}\nexport { runChecks };\n`;
/** The checks as a CommonJS module exporting `runChecks`. */
export const checksCjs = `${body}\nmodule.exports = { runChecks };\n`;
