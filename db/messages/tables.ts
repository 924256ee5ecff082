/** Table types of customer messages (migration 0023), joined into `DB` in db/schema.ts. */
import type { Selectable } from 'kysely';
import type { DeliveryStatus, MessageChannel, MessageEvent, MessageLanguage } from './contract';

export type CustomerMessageTable = {
  id: string;
  ticketId: string;
  customerId: string;
  event: MessageEvent;
  channel: MessageChannel;
  phone: string;
  language: MessageLanguage;
  body: string;
  notBefore: string;
  createdAt: string;
  createdBy: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  hlc: string;
};

/** Head office's; a pulled row is written as it comes. */
export type MessageDeliveryTable = {
  messageId: string;
  status: DeliveryStatus;
  attempts: number;
  provider: string;
  providerMessageId: string;
  lastError: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  updatedAt: string;
  hlc: string;
};

export type MessageReplyTable = {
  id: string;
  messageId: string;
  ticketId: string;
  body: string;
  rating: number | null;
  receivedAt: string;
  hlc: string;
};

/** The store's quiet hours, "HH:MM" store-local; one row keyed by the store id. */
export type MessageSettingsTable = {
  storeId: string;
  quietStart: string;
  quietEnd: string;
  updatedAt: string;
  hlc: string;
};

/** A template the store edited; id `store:event:language`. */
export type MessageTemplateTable = {
  id: string;
  storeId: string;
  event: MessageEvent;
  language: MessageLanguage;
  body: string;
  updatedAt: string;
  hlc: string;
};

export type MessagesTables = {
  customerMessage: CustomerMessageTable;
  messageDelivery: MessageDeliveryTable;
  messageReply: MessageReplyTable;
  messageSettings: MessageSettingsTable;
  messageTemplate: MessageTemplateTable;
};

export type CustomerMessageRow = Selectable<CustomerMessageTable>;
export type MessageDeliveryRow = Selectable<MessageDeliveryTable>;
export type MessageReplyRow = Selectable<MessageReplyTable>;
