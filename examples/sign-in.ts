/**
 * The README's five-line sign-in, runnable offline: starts wasmgram's test
 * server on loopback, then signs in with TelegramClient exactly as the
 * README shows (test number 99966XYYYY lives on DC X; its code is X five
 * times). Run: `node --import tsx examples/sign-in.ts`.
 */
import { TelegramClient } from '../ts/client/index.js';
import { TestServer } from '../ts/testing/index.js';

const testServer = await TestServer.start({ dcs: [1, 2, 3] }); // against Telegram: leave testServer out
testServer.backend.addUser({ phone: '9996621234', firstName: 'Alice' });

// --- the README snippet ---
const client = new TelegramClient({ apiId: 12345, apiHash: '0123456789abcdef', testServer });
const me = await client.start({ phone: '+9996621234', code: async () => '22222' });
console.log(`signed in as ${me.first_name} (id ${me.id})`);
await client.close();
// ---

await testServer.stop();
