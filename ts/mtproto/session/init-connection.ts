/**
 * `invokeWithLayer(layer, initConnection(..., query))`: the wrapper of the
 * first query of a connection, which tells the server the API layer and the
 * client's identity (https://core.telegram.org/api/invoking#layers,
 * https://core.telegram.org/method/initConnection).
 */
import { LAYER } from '../../tl/generated/schema.js';
import type { AnyRequest, initConnection, invokeWithLayer } from '../../tl/generated/types.js';

/** The fields of initConnection (TL names), without the wrapped query. */
export type InitConnectionFields = Omit<initConnection, '_' | 'query'>;

/** Wraps `query` for the first request of a connection. */
export function wrapWithInitConnection<R extends AnyRequest>(
  query: R,
  fields: InitConnectionFields,
  layer: number = LAYER,
): invokeWithLayer<initConnection<R>> {
  return { _: 'invokeWithLayer', layer, query: { _: 'initConnection', ...fields, query } };
}

export { LAYER };
