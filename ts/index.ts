/**
 * wasmgram — a Telegram MTProto client library for TypeScript with a
 * WebAssembly core. This entry is the client and what a client's user needs
 * beside it (errors, storages, retry policies, text formatting, the crypto
 * provider); each layer is also a subpath (`wasmgram/client`,
 * `wasmgram/storage`, `wasmgram/dispatcher`, `wasmgram/fsm`, `wasmgram/tl`,
 * `wasmgram/testing`, ...).
 *
 * @example
 * ```ts
 * import { TelegramClient } from 'wasmgram';
 * const client = new TelegramClient({ apiId, apiHash, storage: 'me.session' });
 * await client.start({ phone: () => ask('phone'), code: () => ask('code'), password: () => ask('2FA password') });
 * await client.sendMessage('me', '**hello** from wasmgram', { parseMode: 'markdown' });
 * await client.close();
 * ```
 */
// Each name comes from the file that defines it, not from its layer's barrel: through a barrel,
// every module of the layer with top-level code would load with `import 'wasmgram'` (the cold
// start of a stored session, issue 14). tests/client/lean-entry.test.ts keeps the two in step.
export {
  CryptoError,
  type DhValueName,
  FormatError,
  RpcError,
  type RpcErrorPattern,
  type SecurityCheck,
  SecurityError,
  SessionError,
  TimeoutError,
  TlError,
  TransportError,
  WasmgramError,
} from './errors.js';
export { consoleLogger, type Logger, type LogLevel, silentLogger } from './logger.js';
export { type AdminRight, adminRights, type BannedRight, bannedRights } from './client/types/admin-rights.js';
export { Album } from './client/types/album.js';
export {
  BotStopped,
  CallbackQuery,
  InlineQuery,
  InlineSend,
  JoinRequest,
  MessageDeleted,
  MessageEdited,
  NewMessage,
  PollVote,
  RawUpdate,
  type TypedUpdate,
  UserStatus,
  UserTyping,
} from './client/types/updates.js';
export { Chat, type ChatKind } from './client/types/chat.js';
export { ChatBoost, MessageReaction, ParticipantUpdate } from './client/types/chat-updates.js';
export { ChatMember, type ChatMemberStatus } from './client/types/chat-member.js';
export { Dialog } from './client/types/dialog.js';
export { Document } from './client/types/document.js';
export { ForumTopic } from './client/types/forum-topic.js';
export { forceReply, inlineKeyboard, removeKeyboard, replyKeyboard } from './client/types/keyboard.js';
export { InlineButton, ReplyButton } from './client/types/buttons.js';
export { InlineResult } from './client/types/inline-results.js';
export { InviteLink, InviteLinkMember, inviteLinkHash } from './client/types/invite-link.js';
export type { Media } from './client/types/media.js';
export { Message } from './client/types/message.js';
export { Photo } from './client/types/photo.js';
export { PreCheckoutQuery, ShippingQuery } from './client/types/payment-updates.js';
export { StickerSet } from './client/types/sticker-set.js';
export { TelegramClient, type TelegramClientEvents } from './client/telegram-client.js';
export type { RunOnceHandler, RunOnceParams, RunOnceResult } from './client/serverless/index.js';
export type { TelegramClientOptions } from './client/options.js';
export { User } from './client/types/user.js';
export {
  AutoSleep,
  CircuitBreaker,
  CircuitOpenError,
  ExponentialBackoff,
  NoRetries,
  type RetryDecision,
  type RetryPolicy,
} from './network/retry-policy.js';
export type { CachedPeer, SessionSnapshot, SessionStorage } from './storage/types.js';
export { exportStringSession } from './storage/string-session.js';
export { importStringSession } from './storage/import-session.js';
export { MemoryStorage } from './storage/memory.js';
export { StringStorage } from './storage/string-storage.js';
export { parseHtml } from './parsers/html-parse.js';
export { parseMarkdown } from './parsers/markdown-parse.js';
export { unparseHtml } from './parsers/html-unparse.js';
export { unparseMarkdown } from './parsers/markdown-unparse.js';
// The QR encoder of `wasmgram login --qr`, for pages and apps that draw the `tg://login` link of `start({ qr })` themselves.
export { encodeQr, type QrCode, type QrEcc, type QrOptions } from './client/qr-encode.js';
export { createCryptoProvider } from './crypto/create-provider.js';
export { createWasmProvider, createWasmProviderSync, WasmCryptoProvider } from './crypto/wasm-provider.js';
export { defaultRandom } from './crypto/random.js';
export type { AuthKeyHandle, CryptoEngine, CryptoProvider, CtrCipher, HashInput, RandomSource } from './crypto/provider.js';
export type { CryptoProviderOptions } from './crypto/create-provider.js';
export { provideWasmModules, type PrecompiledBuilds, type PrecompiledWasm, type WasmModuleName } from './wasm/precompiled.js';
export { wasmSimdSupported } from './wasm/crypto-module.js';
