/**
 * mtcute 0.30 (layer 227, like ours) logs in to the test server through its
 * own high-level API, with its updates manager on (its default): key
 * exchange → help.getConfig → auth.sendCode → sign in → getMe → a message to
 * Saved Messages → read back from the history; also a phone on another DC
 * (PHONE_MIGRATE, followed by mtcute). Every TCP transport mtcute offers.
 * The server traces the session, and the trace holds no auth key or code.
 *
 * Each flow runs in its own process (_child-mtcute-flow.ts) under a hard
 * deadline: mtcute's frame reader has been seen to spin without yielding on
 * a loaded machine, and only a process can be stopped from outside then.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { MtcuteCodec } from './_mtcute.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEADLINE_MS = 90_000;

interface FlowResult {
  ok: boolean;
  error?: string;
  /** The server's last messages when the flow failed (names and decisions only). */
  trace?: string[];
  me?: { firstName: string; isSelf: boolean; sameAgain: boolean };
  sentOk?: boolean;
  inHistory?: boolean;
  refused?: number;
  codeInTrace?: boolean;
  signInTraced?: boolean;
  dcsIn?: number[];
}

function runFlow(codec: MtcuteCodec, phone: string, home: number): Promise<FlowResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, '_child-mtcute-flow.ts'), codec, phone, String(home)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mtcute flow over ${codec} did not finish within ${DEADLINE_MS} ms (process killed)`));
    }, DEADLINE_MS);
    child.on('close', () => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as FlowResult);
      } catch {
        reject(new Error(`mtcute flow over ${codec} printed no result: ${out.slice(0, 500)}`));
      }
    });
  });
}

/**
 * Runs a flow once; a failure prints the server's counters and trace tail.
 * (Earlier runs retried: 1 flow in ~5 stalled with an empty trace. The cause
 * was mtcute's key lookup missing any server key whose fingerprint starts with
 * a zero nibble; the test server no longer generates such keys —
 * see generateServerKeyPair.)
 */
async function runFlowOnce(codec: MtcuteCodec, phone: string, home: number): Promise<FlowResult> {
  return runFlow(codec, phone, home).catch((e: Error): FlowResult => ({ ok: false, error: e.message }));
}

function checkFlow(r: FlowResult, codec: string): void {
  assert.ok(r.ok, `mtcute over ${codec}: ${r.error}\n  ${(r.trace ?? []).join('\n  ')}`);
  assert.is(r.me?.firstName, 'Mt');
  assert.is(r.me?.isSelf, true);
  assert.ok(r.me?.sameAgain, 'getMe answers the same user');
  assert.ok(r.sentOk, 'sendText returns the message');
  assert.ok(r.inHistory, 'the message is in Saved Messages');
  assert.is(r.refused, 0, 'no message refused');
  assert.is(r.codeInTrace, false, 'the login code is not in the trace');
}

for (const codec of ['intermediate', 'padded', 'obfuscated-intermediate', 'obfuscated-padded'] as const) {
  test(`mtcute over ${codec}: sendCode → signIn → getMe → Saved Messages → history`, async () => {
    const r = await runFlowOnce(codec, '9996621234', 2);
    checkFlow(r, codec);
    assert.ok(r.signInTraced, 'auth.signIn is in the trace');
  });
}

test('mtcute: a phone on another DC (PHONE_MIGRATE_3) is followed to DC 3 and logs in there', async () => {
  const r = await runFlowOnce('intermediate', '9996631234', 2);
  checkFlow(r, 'intermediate');
  assert.ok(r.dcsIn?.includes(2) && r.dcsIn.includes(3), `DCs seen: ${r.dcsIn?.join(',')}`);
});

test.run();
