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
export {
  type AdminRight,
  adminRights,
  Album,
  type BannedRight,
  bannedRights,
  BotStopped,
  CallbackQuery,
  Chat,
  ChatBoost,
  type ChatKind,
  ChatMember,
  type ChatMemberStatus,
  Dialog,
  Document,
  forceReply,
  InlineButton,
  inlineKeyboard,
  InlineResult,
  InlineQuery,
  InlineSend,
  InviteLink,
  InviteLinkMember,
  inviteLinkHash,
  JoinRequest,
  type Media,
  Message,
  MessageDeleted,
  MessageEdited,
  MessageReaction,
  NewMessage,
  ParticipantUpdate,
  Photo,
  PollVote,
  PreCheckoutQuery,
  RawUpdate,
  removeKeyboard,
  ReplyButton,
  replyKeyboard,
  ShippingQuery,
  StickerSet,
  TelegramClient,
  type TelegramClientEvents,
  type RunOnceHandler,
  type RunOnceParams,
  type RunOnceResult,
  type TelegramClientOptions,
  type TypedUpdate,
  User,
  UserStatus,
  UserTyping,
} from './client/index.js';
export {
  AutoSleep,
  CircuitBreaker,
  CircuitOpenError,
  ExponentialBackoff,
  NoRetries,
  type RetryDecision,
  type RetryPolicy,
} from './network/index.js';
export {
  type CachedPeer,
  exportStringSession,
  importStringSession,
  MemoryStorage,
  type SessionSnapshot,
  type SessionStorage,
  StringStorage,
} from './storage/index.js';
export { parseHtml, parseMarkdown, unparseHtml, unparseMarkdown } from './parsers/index.js';
// The QR encoder of `wasmgram login --qr`, for pages and apps that draw the `tg://login` link of `start({ qr })` themselves.
export { encodeQr, type QrCode, type QrEcc, type QrOptions } from './cli/qr-encode.js';
export {
  createCryptoProvider,
  createWasmProvider,
  createWasmProviderSync,
  WasmCryptoProvider,
  defaultRandom,
} from './crypto/index.js';
export type {
  AuthKeyHandle,
  CryptoEngine,
  CryptoProvider,
  CryptoProviderOptions,
  CtrCipher,
  HashInput,
  RandomSource,
} from './crypto/index.js';
export { provideWasmModules, wasmSimdSupported, type PrecompiledBuilds, type PrecompiledWasm, type WasmModuleName } from './wasm/index.js';
