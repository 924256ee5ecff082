/**
 * The default gateway: sends nothing and logs that it would have, with the message id and a masked
 * phone only (never the body, which names the customer's product and ticket). A store can try the
 * whole path (queue, send, delivery status back on the ticket) before head office has a provider.
 * Its lookup says `not_found`: logging a message again after a restart reaches no customer.
 */
import { maskPhone, type SmsGateway } from './gateway';

export function logOnlyGateway(log: (message: string, details: Record<string, unknown>) => void): SmsGateway {
  return {
    provider: 'log',
    needsTemplate: false,
    async send(message) {
      log('sms (log only): would send', {
        messageId: message.messageId,
        event: message.event,
        template: message.templateCode ?? 'none',
        phone: maskPhone(message.phone),
        chars: message.body.length,
      });
      return { ok: true, providerMessageId: `log-${message.messageId}` };
    },
    async lookup() {
      return { kind: 'not_found' };
    },
  };
}
