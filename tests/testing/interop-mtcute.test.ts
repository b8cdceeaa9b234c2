/**
 * mtcute 0.30 (layer 227, like ours) logs in to the test server through its
 * own high-level API, with its updates manager on (its default): key
 * exchange → help.getConfig → auth.sendCode → sign in → getMe → a message to
 * Saved Messages → read back from the history; also a phone on another DC
 * (PHONE_MIGRATE, followed by mtcute). Every TCP transport mtcute offers.
 * The server traces the session, and the trace holds no auth key or code.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TraceRecord } from '../../ts/testing/trace/index.js';
import { type MtcuteCodec, mtcuteClient } from './_mtcute.js';
import { within, withServer } from './server-harness.js';

const FLOW_MS = 20_000;

async function loginAndChat(codec: MtcuteCodec, phone: string, home: number) {
  const records: TraceRecord[] = [];
  await withServer(
    async (server) => {
      server.backend.addUser({ phone, firstName: 'Mt', lastName: 'Cute' });
      const tg = await mtcuteClient(server, home, codec);
      try {
        const me = await within(
          tg.start({ phone, code: () => phone[5]!.repeat(5), codeSentCallback: () => {} }),
          `mtcute start over ${codec}`,
          FLOW_MS,
        );
        assert.is(me.firstName, 'Mt');
        assert.is(me.isSelf, true);
        const again = await within(tg.getMe(), 'getMe', FLOW_MS);
        assert.is(again.id, me.id);
        const sent = await within(tg.sendText('me', `hello from mtcute over ${codec}`), 'sendText', FLOW_MS);
        assert.is(sent.text, `hello from mtcute over ${codec}`);
        const history = await within(tg.getHistory('me', { limit: 10 }), 'getHistory', FLOW_MS);
        assert.ok(
          history.some((m) => m.id === sent.id && m.text === sent.text),
          'the message is in Saved Messages',
        );
        assert.is(server.stats.serviceSent.bad_msg_notification ?? 0, 0, 'no message refused');
        const text = JSON.stringify(records);
        assert.not.ok(text.includes(`"${phone[5]!.repeat(5)}"`), 'the login code is not in the trace');
      } finally {
        await within(tg.destroy(), 'mtcute destroy', FLOW_MS);
      }
    },
    { trace: (r) => records.push(r) },
  );
  return records;
}

for (const codec of ['intermediate', 'padded', 'obfuscated-intermediate', 'obfuscated-padded'] as const) {
  test(`mtcute over ${codec}: sendCode → signIn → getMe → Saved Messages → history`, async () => {
    const records = await loginAndChat(codec, '9996621234', 2);
    assert.ok(records.some((r) => r.name === 'auth.signIn' || JSON.stringify(r.tl ?? '').includes('auth.signIn')));
  });
}

test('mtcute: a phone on another DC (PHONE_MIGRATE_3) is followed to DC 3 and logs in there', async () => {
  const records = await loginAndChat('intermediate', '9996631234', 2);
  const dcs = new Set(records.filter((r) => r.dir === 'in').map((r) => r.dc));
  assert.ok(dcs.has(2) && dcs.has(3), `DCs seen: ${[...dcs].join(',')}`);
});

test.run();
