/**
 * The in-memory Telegram behind the test server: the RPC layer that answers
 * decoded API requests for DCs 1..N, with accounts, logins (test-DC
 * conventions: phone `99966XYYYY` on DC X, code X five times), bots, config,
 * update state and fault injection. Pure and deterministic: the server glue
 * owns sockets and the MTProto session; this owns what the requests mean.
 *
 * Glue flow per connection: `ctx = backend.connect(dcId, { authKeyId, onUpdates })`,
 * then for every decrypted request `backend.dc(dcId).handle(ctx, request)`
 * (or `handleBytes(ctx, body)`), and `ctx.close()` when the connection ends.
 */
export { TelegramBackend, type BackendOptions, type TempKeyVerifier } from './backend.js';
export { DcHandler, type EncodedReply } from './dc-handler.js';
export type { ConnectOptions, RequestContext } from './context.js';
export type { AuthKeyState, InitConnectionInfo, BindFailure } from './auth-store.js';
export { AuthStore, EXPORTED_AUTHORIZATION_TTL } from './auth-store.js';
export { UserStore, parseBotToken, type BotAccount, type NewBot, type NewUser, type UserRecord } from './user-store.js';
export { LoginCodes, type SentCodeRecord } from './login-codes.js';
export { UpdateHub, type UpdateSink, type UpdateStateRecord, type UpdateSubscriber } from './update-hub.js';
export { FaultInjector, type FaultTarget } from './faults.js';
export { type UpdateFaultScope, UpdateFaults, type UpdateFaultStats } from './update-faults.js';
export { DcTable, LOOPBACK, type DcAddress } from './dc-table.js';
export { buildConfig, buildNearestDc, CONFIG_TTL, type ConfigInput } from './config.js';
export { loginCode, normalizePhone, parseTestPhone, testPhone, TEST_PHONE_PREFIX, type TestPhone } from './test-phone.js';
export { toTlUser, toUserFull, ONLINE_FOR } from './tl-user.js';
export { toTlChat } from './tl-chat.js';
export { toTlMessage } from './tl-message.js';
export { ChatStore, type ChatKind, type ChatRecord, type MemberRecord, type MemberRole, type NewChat } from './store/chat-store.js';
export {
  Mailbox,
  MessageStore,
  type ForwardInfo,
  type MessageBoxRef,
  type MessageLink,
  type NewMessage,
  type StoredMessage,
} from './store/mailbox.js';
export { DialogStore, type DialogRecord, type DraftRecord } from './store/dialog-store.js';
export {
  type ForumRecord,
  ForumStore,
  forumStore,
  GENERAL_TOPIC_ID,
  TOPIC_ICON_COLORS,
  type TopicRecord,
} from './store/forum-store.js';
export { SendAsStore, sendAsStore } from './store/send-as-store.js';
export { threadOf } from './store/discussion-store.js';
export { PtsLog, type PtsEntry } from './store/update-log.js';
export { accessHashFor, peerKey, tlPeer, type AccessHashMode, type PeerKind, type PeerRef } from './store/peer-ref.js';
export { unwrap, type Unwrapped } from './unwrap.js';
export { encodeResult } from './encode-result.js';
export { MethodCall, type MethodEntry, type MethodTable } from './method-call.js';
export { IMPLEMENTED_METHODS } from './methods/index.js';
export { BotStore, botStore, type BotSettings, DEFAULT_BOT_ANSWER_TIMEOUT_MS } from './methods/bots-store.js';
export { manualClock, seededRandom, systemClock, type Clock, type ManualClock } from './clock.js';
export { authKeyUnregistered, badRequest, floodWait, migrate, notImplemented, type MigrateKind } from './rpc-errors.js';
