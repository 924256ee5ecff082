/**
 * SMS in a running head office: the provider's callback routes (when a callback token is set) and
 * the sender's loop (unless the gateway is `off`), stopped when the app closes so a shutdown waits
 * for the message in flight to be recorded.
 */
import type { FastifyInstance } from 'fastify';
import type { HeadOfficeServices } from '../http/services';
import { smsCallbackRoutes } from './callbacks';
import { createSmsSender, type SenderLog } from './sender';
import { gatewayOf, type SmsSettings } from './settings';

export type SmsSetup = { settings: SmsSettings; log: SenderLog };

export async function registerSms(app: FastifyInstance, services: HeadOfficeServices, { settings, log }: SmsSetup) {
  if (settings.callbackToken) await app.register(smsCallbackRoutes(settings.callbackToken), services);
  const gateway = gatewayOf(settings, log.info);
  if (!gateway) return;
  const sender = createSmsSender({
    db: services.db,
    hqClock: services.hqClock,
    now: services.now,
    gateway,
    log,
    batchSize: settings.batchSize,
    maxAttempts: settings.maxAttempts,
    perSecond: settings.perSecond,
  });
  let running: { stop(): Promise<void> } | null = null;
  app.addHook('onReady', async () => {
    running = sender.start(settings.intervalMs);
  });
  app.addHook('onClose', async () => {
    await running?.stop();
  });
}
