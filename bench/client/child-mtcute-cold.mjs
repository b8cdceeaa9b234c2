// mtcute in a fresh process, plain JavaScript (see mtcute-node.ts): `login`
// signs a new test number in and prints its string session; `cold` times
// import → stored session opened → first answer (help.getConfig), as
// child-wasmgram.mjs does for wasmgram.
//   argv: mode, then a JSON job on stdin { server, phone?, session?, glue }
//   stdout: one JSON line
import { readFileSync } from 'node:fs';

const mode = process.argv[2];
const job = JSON.parse(readFileSync(0, 'utf8'));
const dc = job.server.dcs.find((d) => d.id === 2) ?? job.server.dcs[0];
const target = { host: dc.host, port: dc.port, publicKeyPem: job.server.publicKeyPem };
const check = (r) => {
  if (r && r._ === 'mt_rpc_error') throw new Error(`${r.errorCode} ${r.errorMessage}`);
  return r;
};

if (mode === 'login') {
  const { openMtcute } = await import(job.glue);
  const client = await openMtcute(target);
  await client.connect();
  const sent = check(
    await client.call({ _: 'auth.sendCode', phoneNumber: job.phone, apiId: 1, apiHash: 'bench', settings: { _: 'codeSettings' } }),
  );
  let auth = check(await client.call({ _: 'auth.signIn', phoneNumber: job.phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: '22222' }));
  if (auth._ === 'auth.authorizationSignUpRequired') {
    auth = check(
      await client.call({ _: 'auth.signUp', phoneNumber: job.phone, phoneCodeHash: sent.phoneCodeHash, firstName: 'Bench', lastName: '' }),
    );
  }
  // What mtcute's own sign-in methods do: the storage learns the account, exportSession() can then run.
  await client.notifyLoggedIn(auth);
  const session = await client.exportSession();
  await client.destroy();
  process.stdout.write(`${JSON.stringify({ ms: 0, session })}\n`);
} else {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { openMtcute } = await import(job.glue);
  const client = await openMtcute(target, job.session);
  const config = check(await client.call({ _: 'help.getConfig' }));
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  if (config._ !== 'config') throw new Error(`help.getConfig answered ${config._}`);
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (c1.user + c1.system) / 1000, sinceProcessStart: performance.now() })}\n`);
  await client.destroy();
}
process.exit(0);
