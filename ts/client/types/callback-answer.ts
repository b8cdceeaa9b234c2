/**
 * A bot's answer to a button press, as `getCallbackAnswer` / `clickButton`
 * return it (https://core.telegram.org/constructor/messages.botCallbackAnswer).
 */
import type { messages } from '../../tl/generated/types.js';

/** What the bot answered: a toast or an alert text, a URL to open, and how long the app may cache it. */
export interface CallbackAnswer {
  /** Text of the notification ('' when the bot sent none). */
  readonly text: string;
  /** Show as an alert (a dialog) instead of a toast. */
  readonly alert: boolean;
  /** A URL to open (a game, or `t.me/<bot>?start=...`). */
  readonly url: string | undefined;
  /** Seconds the answer may be cached by the app. */
  readonly cacheTimeS: number;
  /** Open `url` in the app's own UI (games). */
  readonly nativeUi: boolean;
  /** The TL answer. */
  readonly raw: messages.BotCallbackAnswer;
}

/** The plain view of a `messages.botCallbackAnswer`. */
export function toCallbackAnswer(raw: messages.BotCallbackAnswer): CallbackAnswer {
  return {
    text: raw.message ?? '',
    alert: raw.alert === true,
    url: raw.url,
    cacheTimeS: raw.cache_time,
    nativeUi: raw.native_ui === true,
    raw,
  };
}
