/** The forums methods of `TelegramClient` (forum topics, send-as), loaded on first use: see ./index.ts. */
export { createForumTopic } from '../methods/forums/create-forum-topic.js';
export { deleteForumTopic } from '../methods/forums/delete-forum-topic.js';
export { closeForumTopic, editForumTopic, reopenForumTopic, setGeneralTopicHidden } from '../methods/forums/edit-forum-topic.js';
export { getForumTopics, getForumTopicsById, iterForumTopics } from '../methods/forums/get-forum-topics.js';
export { pinForumTopic, unpinForumTopic } from '../methods/forums/pin-forum-topic.js';
export { readForumTopic } from '../methods/forums/read-forum-topic.js';
export { toggleForum } from '../methods/forums/toggle-forum.js';
export { getDefaultSendAs, getSendAs, setDefaultSendAs } from '../methods/messages/send-as-peers.js';
