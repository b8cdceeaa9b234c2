// One serverless invocation in a fresh Node process, from the built package
// (dist/, through the package's own name: nothing transpiled on the way).
//   env: LIBSQL_URL, TARGET (JSON: dcs + rsa numbers in hex)
//   stdout: one JSON line — import → first answer sent, its CPU time, and the answer's wall-clock time (the parent subtracts its spawn time)
const t0 = performance.now();
const c0 = process.cpuUsage();
const [{ TelegramClient }, { LibsqlStorage }] = await Promise.all([import('wasmgram'), import('wasmgram/storage/libsql')]);
const target = JSON.parse(process.env.TARGET);
const storage = new LibsqlStorage({ url: process.env.LIBSQL_URL });
const client = new TelegramClient({
  apiId: 1,
  apiHash: 'bench',
  storage,
  testServer: {
    dcs: target.dcs,
    rsaPublicKey: { n: BigInt(`0x${target.rsa.n}`), e: BigInt(`0x${target.rsa.e}`), fingerprint: BigInt(`0x${target.rsa.fingerprint}`) },
  },
});
let answered;
const result = await client.runOnce(
  async (u) => {
    if (u.kind !== 'newMessage' || u.out) return;
    await u.reply(`you said: ${u.text}`);
    if (answered === undefined) {
      const c1 = process.cpuUsage(c0);
      answered = { ms: performance.now() - t0, cpuMs: (c1.user + c1.system) / 1000, at: Date.now() };
    }
  },
  { budgetMs: 20_000 },
);
await storage.close();
process.stdout.write(`${JSON.stringify({ ...answered, handled: result.handled, status: result.status })}\n`);
process.exit(0);
