/** What the message screens read (storage's message queries), and the reads the conversation's cards need. */
export {
  listConversations, unreadCount, readConversation, type ConversationSummary, type Conversation, type ShownMessage,
} from '../../storage/index.ts';
export { getProduct, getOrder } from '../../storage/index.ts';
export { ordersOfBuyer } from '../../storage/seller-queries.ts';
