/**
 * One mtcute login flow against a fresh test server, in its own process
 * (spawned by interop-mtcute.test.ts): mtcute's frame reader has been seen to
 * spin without yielding on a loaded machine, which no in-process timeout can
 * interrupt — a child process can be killed. Prints one JSON line:
 * `{ ok, error?, me, sentOk, inHistory, refused, codeInTrace, signInTraced, dcsIn }`.
 *
 * Usage: node --import tsx tests/testing/_child-mtcute-flow.ts <codec> <phone> <homeDc>
 */
import type { TraceRecord } from '../../ts/testing/trace/index.js';
import { type MtcuteCodec, mtcuteClient } from './_mtcute.js';
import { within, withServer } from './server-harness.js';

const FLOW_MS = 20_000;
const [codec, phone, home] = process.argv.slice(2) as [MtcuteCodec, string, string];

const records: TraceRecord[] = [];
/** The server's counters, kept for a failure report: how far the connection got (accepted? key made? decrypted?). */
let statsOf: (() => unknown) | undefined;

/** The server's view of the last messages, for a failure report (names and notes only: no payloads). */
function traceTail(): string[] {
  return records.slice(-25).map((r) => {
    const x = r as unknown as Record<string, unknown>;
    return [x.time, x.dir, `dc${x.dc}`, `c${x.conn}`, x.name, x.event, x.detail, x.seqNo].filter((v) => v !== undefined).join(' ');
  });
}

async function main() {
  const out = await withServer(
    async (server) => {
      statsOf = () => ({ ...server.stats, rpcCalls: Object.keys(server.stats.rpcCalls).length });
      server.backend.addUser({ phone, firstName: 'Mt', lastName: 'Cute' });
      const tg = await mtcuteClient(server, Number(home), codec);
      try {
        const me = await within(
          tg.start({ phone, code: () => phone[5]!.repeat(5), codeSentCallback: () => {} }),
          `mtcute start over ${codec}`,
          FLOW_MS,
        );
        const again = await within(tg.getMe(), 'getMe', FLOW_MS);
        const text = `hello from mtcute over ${codec}`;
        const sent = await within(tg.sendText('me', text), 'sendText', FLOW_MS);
        const history = await within(tg.getHistory('me', { limit: 10 }), 'getHistory', FLOW_MS);
        return {
          me: { firstName: me.firstName, isSelf: me.isSelf, sameAgain: again.id === me.id },
          sentOk: sent.text === text,
          inHistory: history.some((m) => m.id === sent.id && m.text === sent.text),
          refused: server.stats.serviceSent.bad_msg_notification ?? 0,
        };
      } finally {
        await within(tg.destroy(), 'mtcute destroy', FLOW_MS);
      }
    },
    // The server's generated key avoids fingerprints mtcute cannot look up (see generateServerKeyPair).
    { trace: (r) => records.push(r) },
  );
  const trace = JSON.stringify(records);
  return {
    ok: true,
    ...out,
    codeInTrace: trace.includes(`"${phone[5]!.repeat(5)}"`),
    signInTraced: records.some((r) => r.name === 'auth.signIn' || JSON.stringify(r.tl ?? '').includes('auth.signIn')),
    dcsIn: [...new Set(records.filter((r) => r.dir === 'in').map((r) => r.dc))],
  };
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (e: unknown) => {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stdout.write(
      `${JSON.stringify({ ok: false, error, trace: [`server stats: ${JSON.stringify(statsOf?.())}`, ...traceTail()] })}\n`,
    );
    process.exit(1);
  },
);
