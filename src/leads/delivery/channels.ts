/**
 * The configured channels, built from settings. Adding a CRM: one file in
 * src/leads/channels/ that returns a `Channel`, its settings in ./settings.ts, and one
 * line here.
 */
import type { Channel } from '../channels/channel.ts';
import { createEmailChannel } from '../channels/email.ts';
import { createInboxChannel } from '../channels/inbox.ts';
import { createWebhookChannel } from '../channels/webhook.ts';
import type { Logger } from '../runtime/log.ts';
import type { DeliverySettings } from './settings.ts';

export function channelsFromSettings(settings: DeliverySettings, log: Logger): Channel[] {
  const channels: Channel[] = [];
  if (settings.webhook) channels.push(createWebhookChannel(settings.webhook));
  if (settings.email) {
    channels.push(
      createEmailChannel({
        ...settings.email,
        // Leads are health information: in production never over an unencrypted hop.
        requireTLS: settings.production,
        onPartial: (leadId) =>
          log.error({
            event: 'delivery.delivered',
            outcome: 'warning',
            leadId,
            channel: 'email',
            code: 'rejected',
          }),
      }),
    );
  }
  if (settings.inbox) channels.push(createInboxChannel(settings.inbox));
  return channels;
}
