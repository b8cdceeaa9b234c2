/**
 * Protocol facts derived from the schema (ts/mtproto/session/schema-facts.ts)
 * checked against the lists the spec gives by name.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isContentRelated } from '../../ts/mtproto/session/seq-no.js';
import { mtprotoFunctions, notContentRelated, sessionFunctions } from '../../ts/mtproto/session/schema-facts.js';
import { isServiceMessage } from '../../ts/testing/server/service-messages.js';

const sorted = (s: Iterable<string>) => [...s].sort();

test('MTProto functions: exactly the functions of https://core.telegram.org/schema/mtproto', () => {
  assert.equal(
    sorted(mtprotoFunctions()),
    sorted([
      // auth key exchange (https://core.telegram.org/mtproto/auth_key)
      'req_pq',
      'req_pq_multi',
      'req_DH_params',
      'set_client_DH_params',
      // service functions (https://core.telegram.org/mtproto/service_messages)
      'rpc_drop_answer',
      'get_future_salts',
      'ping',
      'ping_delay_disconnect',
      'destroy_session',
      'destroy_auth_key',
    ]),
  );
});

test('session functions: the MTProto functions less the key exchange (https://core.telegram.org/mtproto/service_messages)', () => {
  assert.equal(
    sorted(sessionFunctions()),
    sorted(['rpc_drop_answer', 'get_future_salts', 'ping', 'ping_delay_disconnect', 'destroy_session', 'destroy_auth_key']),
  );
});

test('test server: the service messages a client sends are answered by the session layer, nothing else', () => {
  const clientService = [
    'msgs_ack',
    'msgs_state_req',
    'msgs_state_info',
    'msgs_all_info',
    'msg_resend_req',
    'msg_resend_ans_req',
    'msg_detailed_info',
    'msg_new_detailed_info',
    'http_wait',
    ...sessionFunctions(),
  ];
  for (const name of clientService) assert.ok(isServiceMessage(name), name);
  for (const name of [
    'msg_container',
    'bad_msg_notification',
    'bad_server_salt',
    'future_salts',
    'pong',
    'rpc_result',
    'req_pq_multi',
    'help.getConfig',
  ]) {
    assert.not.ok(isServiceMessage(name), name);
  }
});

test('not content-related: containers, acknowledgments, the service messages about messages, http_wait, pong, future_salts', () => {
  assert.equal(
    sorted(notContentRelated()),
    sorted([
      // https://core.telegram.org/mtproto/service_messages#simple-container
      'msg_container',
      // https://core.telegram.org/mtproto/service_messages_about_messages ("do not require acknowledgment")
      'msgs_ack',
      'bad_msg_notification',
      'bad_server_salt',
      'msgs_state_req',
      'msgs_state_info',
      'msgs_all_info',
      'msg_detailed_info',
      'msg_new_detailed_info',
      'msg_resend_req',
      'msg_resend_ans_req',
      // https://core.telegram.org/mtproto/service_messages (HTTP long poll)
      'http_wait',
      // bare answers to ping / get_future_salts
      'pong',
      'future_salts',
    ]),
  );
});

test('content-related: queries, rpc_result, new_session_created, destroy_* answers, API objects', () => {
  for (const name of [
    'rpc_result',
    'new_session_created',
    'destroy_session_ok',
    'destroy_auth_key_ok',
    'rpc_answer_dropped',
    'ping',
    'get_future_salts',
    'help.getConfig',
    'updates',
    'updateShort',
  ]) {
    assert.ok(isContentRelated(name), name);
  }
  for (const name of notContentRelated()) assert.not.ok(isContentRelated(name), name);
});

test.run();
