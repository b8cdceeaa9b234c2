/** A message box already past `updates.getState` (pts 100, qts 10, date 1000, seq 5), for rule tests. */
import { MessageBox, type MessageBoxOptions } from '../../ts/updates/index.js';
import { onlyRequest, peersKnowing, SELF, state, ALICE } from './_fixtures.js';

export const T0 = 1_000_000;

export function liveBox(options: MessageBoxOptions = {}): MessageBox {
  const box = new MessageBox({ peers: peersKnowing([ALICE, SELF]), selfId: SELF, ...options });
  const req = onlyRequest(box.start(T0), 'getState');
  box.applyState(req, state(100, 10, 1000, 5), T0);
  return box;
}
