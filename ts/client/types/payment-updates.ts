/**
 * Payment updates a bot receives while a user pays an invoice
 * (https://core.telegram.org/api/payments): the shipping step
 * (`updateBotShippingQuery`) and the final confirmation
 * (`updateBotPrecheckoutQuery`). Each must be answered within 10 seconds.
 */
import type { PaymentRequestedInfo, PostAddress, ShippingOption, Update } from '../../tl/generated/types.js';
import { BotQuery } from './bot-query.js';

/** The user chose a shipping address for a flexible invoice: `updateBotShippingQuery`. Answer with the options or an error. */
export class ShippingQuery extends BotQuery<Update.updateBotShippingQuery> {
  readonly kind = 'shippingQuery' as const;
  /** The invoice's payload bytes (as the bot set them). */
  get payload(): Uint8Array {
    return this.raw.payload;
  }
  get address(): PostAddress {
    return this.raw.shipping_address;
  }
  /**
   * Answers (https://core.telegram.org/method/messages.setBotShippingResults):
   * the shipping options, or `{ error }` when the address cannot be served.
   *
   * @example
   * ```ts
   * dp.onShippingQuery((q) => q.answer({ options: [{ _: 'shippingOption', id: 'post', title: 'Post', prices: [...] }] }));
   * ```
   */
  async answer(result: { options: ShippingOption[] } | { error: string }): Promise<void> {
    await this.client.invoke({
      _: 'messages.setBotShippingResults',
      query_id: this.raw.query_id,
      ...('error' in result ? { error: result.error } : { shipping_options: result.options }),
    });
  }
}

/** The last step before a payment is taken: `updateBotPrecheckoutQuery`. Answer `ok` or an error within 10 s. */
export class PreCheckoutQuery extends BotQuery<Update.updateBotPrecheckoutQuery> {
  readonly kind = 'preCheckoutQuery' as const;
  get payload(): Uint8Array {
    return this.raw.payload;
  }
  /** Three-letter ISO 4217 currency code (`XTR` for Telegram Stars). */
  get currency(): string {
    return this.raw.currency;
  }
  /** Total in the smallest units of the currency. */
  get totalAmount(): bigint {
    return this.raw.total_amount;
  }
  get shippingOptionId(): string | undefined {
    return this.raw.shipping_option_id;
  }
  get info(): PaymentRequestedInfo | undefined {
    return this.raw.info;
  }
  /** Accepts (`{ ok: true }`) or refuses with an error shown to the user (https://core.telegram.org/method/messages.setBotPrecheckoutResults). */
  async answer(result: { ok: true } | { error: string }): Promise<void> {
    await this.client.invoke({
      _: 'messages.setBotPrecheckoutResults',
      query_id: this.raw.query_id,
      ...('error' in result ? { error: result.error } : { success: true }),
    });
  }
}
