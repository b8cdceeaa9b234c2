// GramJS's side of the history bench (the `telegram` package, layer 198 —
// the server answers it in its layer): sign in with auth.sendCode/signIn,
// then `client.iterMessages('@channel')` over every message, timed like the
// other children (measure.ts; the child runs with --import tsx). The
// server's key goes into GramJS's RSA table and a connection class supplies
// the server's address, as in bench/client/child-gramjs.cjs.
//   stdin: the job (job.ts); stdout: one JSON line.
const { readFileSync } = require('node:fs');
const { measureIterations } = require('./measure.ts');

async function main() {
  const job = JSON.parse(readFileSync(0, 'utf8'));
  const { TelegramClient, Api } = require('telegram');
  const { StringSession } = require('telegram/sessions');
  const { Logger } = require('telegram/extensions');
  const { ConnectionTCPFull } = require('telegram/network');
  const rsa = require('telegram/crypto/RSA');
  const bigInt = require('big-integer');
  const dc = job.dcs.find((d) => d.id === 2);
  const fp = BigInt.asIntN(64, BigInt(`0x${job.rsa.fingerprint}`)).toString();
  rsa._serverKeys.set(fp, { n: bigInt(BigInt(`0x${job.rsa.n}`).toString()), e: Number(BigInt(`0x${job.rsa.e}`)) });
  class BenchConnection extends ConnectionTCPFull {
    constructor(options) {
      super({ ...options, ip: dc.host, port: dc.port });
    }
  }
  const session = new StringSession('');
  session.setDC(2, dc.host, 443);
  const client = new TelegramClient(session, 1, 'bench', {
    connection: BenchConnection,
    // GramJS fails 1 key exchange in 256 on its side (it drops leading zero bytes of g^ab) and, with one attempt,
    // hangs instead of failing: the second attempt makes a new key.
    connectionRetries: 3,
    autoReconnect: false,
    receiveUpdates: false,
    baseLogger: new Logger('error'),
  });
  await client.connect();
  const sent = await client.invoke(
    new Api.auth.SendCode({ phoneNumber: job.phone, apiId: 1, apiHash: 'bench', settings: new Api.CodeSettings({}) }),
  );
  await client.invoke(new Api.auth.SignIn({ phoneNumber: job.phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: job.code }));
  const result = await measureIterations(job, async (limit, onMessage) => {
    let n = 0;
    for await (const m of client.iterMessages(`@${job.channel}`, { limit })) {
      onMessage(m.id);
      n++;
    }
    return n;
  });
  const version = require('telegram/package.json').version;
  process.stdout.write(`${JSON.stringify({ ...result, version })}\n`);
  await client.destroy().catch(() => {});
  process.exit(0);
}
main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
