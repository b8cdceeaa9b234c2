/**
 * The README's "Send a message", runnable offline: a test server with a
 * user and a friend, then the README lines — send, reply, edit, read the
 * history back. Run: `node --import tsx examples/userbot.ts`.
 */
import { TelegramClient } from '../ts/client/index.js';
import { TestServer } from '../ts/testing/index.js';

const testServer = await TestServer.start({ dcs: [1, 2, 3] }); // against Telegram: leave testServer out
testServer.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
testServer.backend.addUser({ phone: '9996625678', firstName: 'Bob', username: 'bob_smith' });
const client = new TelegramClient({ apiId: 12345, apiHash: '0123456789abcdef', testServer });
await client.start({ phone: '+9996621234', code: async () => '22222' });

// --- the README snippet ---
const hello = await client.sendMessage('@bob_smith', 'Hello, **Bob**!', { parseMode: 'markdown' });
await hello.reply('(sent from wasmgram)');
await hello.edit('Hello, Bob!');
for await (const m of client.iterHistory('@bob_smith', { limit: 10 })) console.log(m.id, m.text);
// ---

await client.close();
await testServer.stop();
