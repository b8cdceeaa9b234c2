/**
 * Constructor ids the session reads by hand (before, or instead of, a full
 * decode), taken from the generated schema so they cannot drift from it.
 */
import { TlError } from '../../errors.js';
import { idOf } from '../../tl/codec/index.js';

function id(name: string): number {
  const v = idOf(name);
  if (v === undefined) throw new TlError(`the generated schema has no ${name}`);
  return v >>> 0;
}

export const ID = {
  msgContainer: id('msg_container'),
  rpcResult: id('rpc_result'),
  rpcError: id('rpc_error'),
  gzipPacked: id('gzip_packed'),
  msgCopy: id('msg_copy'),
  badMsgNotification: id('bad_msg_notification'),
  badServerSalt: id('bad_server_salt'),
  msgsAck: id('msgs_ack'),
} as const;

/** The constructor id at the start of a TL body (0 when it is shorter than 4 bytes). */
export function peekId(body: Uint8Array): number {
  return body.length < 4 ? 0 : new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true);
}
