/**
 * The main job (`npm start`). Grows with the project: today it shows the
 * crypto engine the runtime picked and runs the MTProto 2.0 message pipeline
 * and the handshake's PQ step on it, with timings.
 */
import { createCryptoProvider } from '../ts/crypto/index.js';

const t0 = performance.now();
const crypto = await createCryptoProvider();
const ms = (t: number) => `${(performance.now() - t).toFixed(2)} ms`;
console.log(`crypto engine: ${crypto.engine} (ready in ${ms(t0)})`);

// PQ factorization, as in step 2 of the auth key exchange (pq of the spec's sample).
let t = performance.now();
const [p, q] = crypto.factorizePQ(0x17ed48941a08f981n);
console.log(`pq 0x17ed48941a08f981 = ${p} × ${q} (${ms(t)})`);

// Seal a message as a client would and open it as the server does.
const authKey = crypto.randomBytes(256);
const key = crypto.loadAuthKey(authKey);
const plaintext = new TextEncoder().encode('hello from wasmgram'.padEnd(64, '.'));
t = performance.now();
const packet = key.seal(plaintext, 0);
const opened = key.open(packet, 0);
console.log(
  `sealed ${plaintext.length} B into ${packet.length} B and opened it again (${ms(t)}), ` +
    `auth_key_id ${key.idBigInt.toString(16)}, intact: ${new TextDecoder().decode(opened.subarray(0, plaintext.length)) === new TextDecoder().decode(plaintext)}`,
);
key.dispose();
