/**
 * msg_container: several messages in one
 * (https://core.telegram.org/mtproto/service_messages#simple-container).
 *
 * `msg_container#73f1f8dc messages:vector<message>` where each bare
 * `message msg_id:long seqno:int bytes:int body:Object`. The container's
 * msg_id must be greater than those of the messages inside, it needs no
 * acknowledgment (even seqno), and containers do not nest.
 */

import { SecurityError } from '../../errors.js';
import { ID, peekId } from './ids.js';

/** One message inside a container (also the unit the session sends). */
export interface InnerMessage {
  msgId: bigint;
  seqNo: number;
  body: Uint8Array;
}

/** The most messages a container carries. The spec allows 1024; a few are kept spare. */
export const MAX_CONTAINER_MESSAGES = 1020;
/** The most bytes of message bodies packed in one container (1 MiB). */
export const MAX_CONTAINER_BYTES = 1 << 20;
/** Bytes a message adds to a container besides its body: msg_id, seqno, bytes. */
export const CONTAINER_ITEM_OVERHEAD = 16;
/** The container's own header: constructor id and vector count. */
export const CONTAINER_HEADER = 8;

/** Serializes a msg_container body holding `messages` in order. */
export function encodeContainer(messages: readonly InnerMessage[]): Uint8Array {
  let size = CONTAINER_HEADER;
  for (const m of messages) size += CONTAINER_ITEM_OVERHEAD + m.body.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, ID.msgContainer, true);
  view.setInt32(4, messages.length, true);
  let pos = CONTAINER_HEADER;
  for (const m of messages) {
    view.setBigInt64(pos, BigInt.asIntN(64, m.msgId), true);
    view.setInt32(pos + 8, m.seqNo, true);
    view.setInt32(pos + 12, m.body.length, true);
    out.set(m.body, pos + 16);
    pos += CONTAINER_ITEM_OVERHEAD + m.body.length;
  }
  return out;
}

/** True when `body` is a msg_container. */
export function isContainer(body: Uint8Array): boolean {
  return peekId(body) === ID.msgContainer;
}

/**
 * Splits a msg_container body into its messages (bodies are views into the
 * input). Lengths are checked before they are trusted.
 *
 * @throws SecurityError `container` for a count or length that does not fit,
 *   a length not divisible by 4, trailing bytes, or a nested container.
 */
export function decodeContainer(body: Uint8Array): InnerMessage[] {
  if (peekId(body) !== ID.msgContainer || body.length < CONTAINER_HEADER) {
    throw new SecurityError('container', 'not a msg_container');
  }
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const count = view.getInt32(4, true);
  if (count < 0 || count > 1024 || count * CONTAINER_ITEM_OVERHEAD > body.length - CONTAINER_HEADER) {
    throw new SecurityError('container', `msg_container count ${count} does not fit its ${body.length} bytes`);
  }
  const out: InnerMessage[] = [];
  let pos = CONTAINER_HEADER;
  for (let i = 0; i < count; i++) {
    if (body.length - pos < CONTAINER_ITEM_OVERHEAD) throw new SecurityError('container', `message ${i} header runs past the container`);
    const msgId = view.getBigInt64(pos, true);
    const seqNo = view.getInt32(pos + 8, true);
    const length = view.getInt32(pos + 12, true);
    pos += CONTAINER_ITEM_OVERHEAD;
    if (length < 4 || length % 4 !== 0 || length > body.length - pos) {
      throw new SecurityError('container', `message ${i} length ${length} does not fit the container`);
    }
    const inner = body.subarray(pos, pos + length);
    if (peekId(inner) === ID.msgContainer) throw new SecurityError('container', 'containers must not be nested');
    out.push({ msgId, seqNo, body: inner });
    pos += length;
  }
  if (pos !== body.length) throw new SecurityError('container', `${body.length - pos} bytes after the last message`);
  return out;
}
