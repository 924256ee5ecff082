/**
 * What head office needs of an SMS provider (docs/architecture/sms-gateway.md): send one message,
 * and, after a send whose outcome is unknown (a timeout, a head office killed mid-call), ask whether
 * the provider has it. The message id travels as the provider's own idempotency field (Alibaba
 * Cloud's `OutId`), so the provider's records, delivery reports and this lookup all name it.
 */

export type SmsMessage = Readonly<{
  /** The `customer_message` id: the provider's OutId. */
  messageId: string;
  /** Mobile digits, 11 of them (no +86). */
  phone: string;
  /** The counter's rendered text: what the log gateway reports; a templated provider sends its own approved text. */
  body: string;
  /** The counter's event (`ready_for_pickup`, …). */
  event: string;
  /** The provider's approved template for the event; null when none is set (the log gateway needs none). */
  templateCode: string | null;
  /** The template's named variables (headoffice/sms/templates.ts). */
  params: Readonly<Record<string, string>>;
  /** When the first attempt was claimed: the provider's records are looked up by day. */
  firstClaimedAt: Date;
}>;

export type SendFailure = Readonly<{
  ok: false;
  /** Worth trying again later (the provider's 5xx, a timeout, throttling). */
  retryable: boolean;
  /** The provider may have accepted it anyway (timeout, connection lost after the request): look up before resending. */
  ambiguous: boolean;
  /** A short code for `message_delivery.last_error`: never a phone, a body or a secret. */
  code: string;
}>;

export type SendResult = Readonly<{ ok: true; providerMessageId: string }> | SendFailure;

/** `found`: the provider has it (sent or being sent); `not_found`: it never arrived; `unknown`: the provider cannot say. */
export type LookupResult =
  | Readonly<{ kind: 'found'; providerMessageId: string; failedCode: string | null }>
  | Readonly<{ kind: 'not_found' }>
  | Readonly<{ kind: 'unknown'; code: string }>;

export interface SmsGateway {
  /** `log`, `aliyun`: written to `message_delivery.provider`. */
  readonly provider: string;
  /** Sends an approved template per event: a message whose event has no template code is refused before any call. */
  readonly needsTemplate: boolean;
  send(message: SmsMessage): Promise<SendResult>;
  lookup(message: SmsMessage): Promise<LookupResult>;
}

/** `138****5678`: what a log line may say of a phone. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
