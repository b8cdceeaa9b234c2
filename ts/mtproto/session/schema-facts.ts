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
import { indexOf, K_TYPE, kindOf } from '../../tl/codec/type-code.js';

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

/**
 * The result types of the auth key exchange's functions
 * (https://core.telegram.org/mtproto/auth_key): sent as plain messages before
 * any session exists, never inside one.
 */
const KEY_EXCHANGE_TYPES: readonly string[] = ['ResPQ', 'Server_DH_Params', 'Set_client_DH_params_answer'];

/** One definition of the MTProto layer: its name, and its type (a constructor's) or result type (a function's). */
interface MtprotoDef {
  name: string;
  fn: boolean;
  type: string | undefined;
}

let defs: MtprotoDef[] | undefined;

function mtprotoDefs(): MtprotoDef[] {
  if (defs) return defs;
  const s = getSchema();
  const out: MtprotoDef[] = [];
  for (let d = 0; d < s.defCount; d++) {
    const flags = s.flags[d]!;
    if ((flags & DEF_MTPROTO) === 0) continue;
    const fn = (flags & DEF_FUNCTION) !== 0;
    const code = s.resultOf[d]!;
    const type = fn ? (kindOf(code) === K_TYPE ? s.typeNames[indexOf(code)] : undefined) : s.typeNames[s.typeOf[d]!];
    out.push({ name: s.names[d]!, fn, type });
  }
  return (defs = out);
}

const cache = new Map<string, ReadonlySet<string>>();

function names(key: string, pick: (d: MtprotoDef) => boolean): ReadonlySet<string> {
  let set = cache.get(key);
  if (!set)
    cache.set(
      key,
      (set = new Set(
        mtprotoDefs()
          .filter(pick)
          .map((d) => d.name),
      )),
    );
  return set;
}

/** Names of the MTProto layer's functions (never wrapped in initConnection). Built on first use. */
export function mtprotoFunctions(): ReadonlySet<string> {
  return names('functions', (d) => d.fn);
}

/** The MTProto functions used inside a session (ping, get_future_salts, destroy_session, ...): all but the key exchange's. */
export function sessionFunctions(): ReadonlySet<string> {
  const exchange = new Set(KEY_EXCHANGE_TYPES);
  return names('session-functions', (d) => d.fn && !exchange.has(d.type ?? ''));
}

/** Names of the constructors whose messages are not content-related. Built on first use. */
export function notContentRelated(): ReadonlySet<string> {
  const types = new Set(NOT_CONTENT_RELATED_TYPES);
  return names('not-content-related', (d) => !d.fn && types.has(d.type ?? ''));
}

/** Names of the MTProto layer's constructors of the given types. */
export function mtprotoConstructorsOf(types: readonly string[]): ReadonlySet<string> {
  const wanted = new Set(types);
  return new Set(
    mtprotoDefs()
      .filter((d) => !d.fn && wanted.has(d.type ?? ''))
      .map((d) => d.name),
  );
}
