/**
 * The serverless bot's logic, shared by the Node handler and the Worker: it
 * answers every incoming text message. A run that is killed while it answers
 * sees the message again next time (at-least-once), so a real bot keeps its
 * answers idempotent (here a repeat would only send the echo twice).
 */
import type { TypedUpdate } from '../../ts/index.js';

/** Handles one update. */
export async function answer(update: TypedUpdate): Promise<void> {
  if (update.kind !== 'newMessage' || update.out) return;
  await update.reply(`you said: ${update.text}`);
}
