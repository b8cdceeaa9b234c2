/**
 * ts/dispatcher: routes updates to handlers — typed filters with `and`/`or`/`not`
 * that keep the handler's argument types narrowed, handler groups with
 * propagation control, routers, middleware (rate limit, logging, your own),
 * error handlers, FSM state and scenes on the context, and per-chat ordering
 * with parallelism across chats. Generic over the update type.
 */
export {
  CallbackData,
  type CallbackDataCodec,
  type CallbackFieldKind,
  type CallbackLike,
  type CallbackSchema,
  type CallbackValues,
  callbackEquals,
  callbackPrefix,
  callbackRegex,
  callbackText,
  MAX_CALLBACK_DATA_BYTES,
} from './callback-data.js';
export { ChatQueue, type LaneKey } from './chat-queue.js';
export { ClientDispatcher, type ClientDispatcherOptions, dispatcherFor } from './client-dispatcher.js';
export { type CommandMatch, type CommandOptions, command, splitCommandArgs } from './command.js';
export { Context, type ContextServices, type SceneControls } from './context.js';
export { ClientConversation, type ClientConversationOptions, conversation, readOutboxUpTo } from './client-conversation.js';
export { Conversation, type ConversationOptions, type ConversationTimers, type WaitOptions } from './conversation.js';
export { Dispatcher, type DispatcherOptions, defaultUpdateIds, type Interceptor, inState, noState } from './dispatcher.js';
export { and, type Filter, type FilterCtx, type FilterIn, type FilterMod, filter, guard, kind, not, or } from './filter.js';
export { logging } from './logging.js';
export { channel, chatId, chatType, forwarded, fromBot, group, media, privateChat, regex, reply, text, userId } from './message-filters.js';
export type { ChatKind, MessageLike } from './message-like.js';
export { type Middleware, runMiddleware } from './middleware.js';
export { type HandleResult, Propagation, type PropagationAction } from './propagation.js';
export { type RateLimitOptions, rateLimit } from './rate-limit.js';
export { type ErrorHandler, type Handler, type HandlerOptions, Router } from './router.js';
