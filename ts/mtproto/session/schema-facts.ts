/**
 * Protocol facts read from the generated schema (schema/mtproto.tl) instead
 * of hand-kept name lists, so they follow the schema when it changes.
 *
 * - **MTProto functions** — every function of the MTProto layer (`req_pq`,
 *   `ping`, `destroy_session`, ...): they go bare, never inside
 *   `invokeWithLayer(initConnection(...))`.
 * - **Not content-related** — a message needs no acknowledgment and takes an
 *   even seq_no when its body is a constructor of the MTProto layer whose type
 *   is one of the service types of
 *   https://core.telegram.org/mtproto/service_messages_about_messages
 *   (acknowledgments, bad-message notifications, state requests and answers,
 *   re-send requests, detailed info), the container
 *   (https://core.telegram.org/mtproto/service_messages#simple-container),
 *   `http_wait`, and the answers to ping and get_future_salts, which the server
 *   sends bare and unacknowledged. Every other message — API objects, RPC
 *   queries, rpc_result, new_session_created, destroy_* answers — is
 *   content-related (https://core.telegram.org/mtproto/description#content-related-message).
 *   The set is named by TL *type*, so a constructor added to one of these types
 *   is classified without touching this file.
 */
import { getSchema } from '../../tl/codec/load-schema.js';
import { DEF_FUNCTION, DEF_MTPROTO } from '../../tl/codec/schema-table.js';

/** The MTProto-layer types whose constructors are not content-related (see the module comment). */
export const NOT_CONTENT_RELATED_TYPES: readonly string[] = [
  'MessageContainer',
  'MsgsAck',
  'MsgsStateReq',
  'MsgsStateInfo',
  'MsgsAllInfo',
  'MsgResendReq',
  'MsgDetailedInfo',
  'BadMsgNotification',
  'HttpWait',
  'FutureSalts',
  'Pong',
];

let facts: { functions: ReadonlySet<string>; notContentRelated: ReadonlySet<string> } | undefined;

function load(): NonNullable<typeof facts> {
  const s = getSchema();
  const types = new Set(NOT_CONTENT_RELATED_TYPES);
  const functions = new Set<string>();
  const notContentRelated = new Set<string>();
  for (let d = 0; d < s.defCount; d++) {
    const flags = s.flags[d]!;
    if ((flags & DEF_MTPROTO) === 0) continue;
    const name = s.names[d]!;
    if ((flags & DEF_FUNCTION) !== 0) functions.add(name);
    else if (types.has(s.typeNames[s.typeOf[d]!]!)) notContentRelated.add(name);
  }
  return { functions, notContentRelated };
}

/** Names of the MTProto layer's functions (never wrapped in initConnection). Built on first use. */
export function mtprotoFunctions(): ReadonlySet<string> {
  return (facts ??= load()).functions;
}

/** Names of the constructors whose messages are not content-related. Built on first use. */
export function notContentRelated(): ReadonlySet<string> {
  return (facts ??= load()).notContentRelated;
}
