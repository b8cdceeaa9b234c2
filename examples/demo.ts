/**
 * The main job (`npm start`): a tour of wasmgram against its own MTProto test
 * server on loopback (no network beyond 127.0.0.1), with the time each step
 * took:
 *
 * 1. the test server starts (three DCs, its own RSA key);
 * 2. a `TelegramClient` signs in with a phone that lives on another DC
 *    (the server answers PHONE_MIGRATE_3, the client follows it);
 * 3. it sends a message to Saved Messages and reads the history back;
 * 4. a scripted user writes to it and the update reaches `client.on(...)`;
 * 5. it uploads a 2 MiB file in parallel parts and downloads it back;
 * 6. it exports its session as a string, closes, and a new client restored
 *    from that string answers `getMe` without a new login.
 */
import { TelegramClient } from '../ts/client/index.js';
import { ScriptedWorld, TestServer } from '../ts/testing/index.js';

const t0 = performance.now();
let last = t0;
function step(label: string, detail = ''): void {
  const now = performance.now();
  console.log(`${label.padEnd(46)} ${(now - last).toFixed(1).padStart(7)} ms  ${detail}`);
  last = now;
}

const testServer = await TestServer.start({ dcs: [1, 2, 3] }); // against Telegram: leave testServer out
const world = new ScriptedWorld(testServer.backend);
step('test server started', testServer.dcs.map((d) => `DC${d.id} tcp:${d.port}`).join(', '));

// Test numbers 99966XYYYY live on DC X; the login code is X five times.
const phone = '+9996631234';
const account = testServer.backend.addUser({ phone: phone.slice(1), firstName: 'Wasm', lastName: 'Gram' });
const bob = world.user({ firstName: 'Bob', username: 'bob_demo' });

const client = new TelegramClient({ apiId: 12345, apiHash: '0123456789abcdef', testServer });
const me = await client.start({ phone, code: async () => '33333' });
step('client.start (key exchange, PHONE_MIGRATE_3)', `signed in as ${me.first_name} ${me.last_name} (id ${me.id})`);

const sent = await client.sendMessage('me', 'Hello from **wasmgram**', { parseMode: 'markdown' });
const texts: string[] = [];
for await (const m of client.iterHistory('me', { limit: 5 })) texts.push(m.text);
step('sendMessage + iterHistory (Saved Messages)', `message ${sent.id}; history: ${JSON.stringify(texts)}`);

const received = new Promise<string>((resolve) => {
  const off = client.on('newMessage', (m) => {
    if (m.out) return;
    off();
    resolve(m.text);
  });
});
await bob.sendMessage(account, 'hi, this is Bob');
step('update from a scripted user', `client.on('newMessage') got ${JSON.stringify(await received)}`);

const file = new Uint8Array(2 << 20).map((_, i) => (i * 31) & 0xff);
let parts = 0;
const uploaded = await client.uploadFile(file, { fileName: 'demo.bin', onProgress: () => parts++ });
const doc = await client.sendMedia('me', { document: uploaded });
const back = await client.downloadToBuffer(doc);
const same = back.length === file.length && back.every((b, i) => b === file[i]);
step('upload 2 MiB + sendMedia + download', `${parts} progress events, ${same ? 'bytes identical' : 'BYTES DIFFER'}`);

const session = await client.exportSession();
await client.close();
step('exportSession + close', `${session.length} characters (a secret: store it, never log it)`);

const again = new TelegramClient({ apiId: 12345, apiHash: '0123456789abcdef', testServer, storage: session });
const restored = await again.getMe();
step('new client from the string: getMe', `still ${restored.first_name} (id ${restored.id}), no login`);
await again.close();

world.close();
await testServer.stop();
console.log(`\ndone in ${(performance.now() - t0).toFixed(0)} ms`);
if (!same) process.exit(1);
