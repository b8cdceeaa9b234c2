// One GramJS (`telegram`) client in a fresh process, from its published
// CommonJS build. Its StringSession is the stored session; the connection
// class fills in the bench server's address, because GramJS's Node client
// dials port 80 whatever the session says (and StringSession cannot hold a
// port above 32767). The server's RSA key is added to GramJS's key table.
//   argv: mode (login | cold | idle), then a JSON job on stdin
//   stdout: one JSON line with the result
const { readFileSync } = require('node:fs');

const mode = process.argv[2];
const job = JSON.parse(readFileSync(0, 'utf8'));
const out = (v) => process.stdout.write(`${JSON.stringify(v)}\n`);

async function main() {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { TelegramClient, Api } = require('telegram');
  const { StringSession } = require('telegram/sessions');
  const { Logger } = require('telegram/extensions');
  const { ConnectionTCPFull } = require('telegram/network');
  const rsa = require('telegram/crypto/RSA');
  const bigInt = require('big-integer');
  const dc = job.server.dcs.find((d) => d.id === 2);
  const fp = BigInt.asIntN(64, BigInt(`0x${job.server.rsa.fingerprint}`)).toString();
  rsa._serverKeys.set(fp, { n: bigInt(BigInt(`0x${job.server.rsa.n}`).toString()), e: Number(BigInt(`0x${job.server.rsa.e}`)) });
  class BenchConnection extends ConnectionTCPFull {
    constructor(options) {
      super({ ...options, ip: dc.host, port: dc.port });
    }
  }
  const session = new StringSession(mode === 'login' ? '' : job.session);
  if (mode === 'login') session.setDC(2, dc.host, 443);
  const client = new TelegramClient(session, 1, 'bench', {
    connection: BenchConnection,
    // GramJS fails 1 key exchange in 256 on its side (it drops leading zero bytes of g^ab) and, with one attempt,
    // hangs instead of failing: the second attempt makes a new key.
    connectionRetries: 3,
    autoReconnect: false,
    receiveUpdates: false,
    baseLogger: new Logger('error'),
  });
  if (mode === 'login') {
    const l0 = performance.now();
    await client.connect();
    const sent = await client.invoke(
      new Api.auth.SendCode({ phoneNumber: job.phone, apiId: 1, apiHash: 'bench', settings: new Api.CodeSettings({}) }),
    );
    let auth = await client.invoke(new Api.auth.SignIn({ phoneNumber: job.phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: '22222' }));
    if (auth.className === 'auth.AuthorizationSignUpRequired') {
      auth = await client.invoke(
        new Api.auth.SignUp({ phoneNumber: job.phone, phoneCodeHash: sent.phoneCodeHash, firstName: 'Bench', lastName: '' }),
      );
    }
    const ms = performance.now() - l0;
    out({ ms, userId: String(auth.user.id), session: session.save() });
  } else {
    // connect() sends invokeWithLayer(initConnection(help.getConfig)) itself and resolves on its answer: the first answer.
    if (!(await client.connect())) throw new Error('GramJS did not connect');
    const ms = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    const cpuMs = (c1.user + c1.system) / 1000;
    const config = await client.invoke(new Api.help.GetConfig());
    if (config.className !== 'Config') throw new Error(`help.getConfig answered ${config.className}`);
    if (mode === 'idle') {
      await new Promise((r) => setTimeout(r, job.idleMs));
      globalThis.gc?.();
      const m = process.memoryUsage();
      out({ ms, heapUsed: m.heapUsed, rss: m.rss, external: m.external + m.arrayBuffers });
    } else out({ ms, cpuMs, sinceProcessStart: performance.now() });
  }
  await client.destroy().catch(() => {});
  process.exit(0);
}
main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
