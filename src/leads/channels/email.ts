/**
 * The email channel (SMTP_URL, ADMISSIONS_EMAIL, MAIL_FROM): one message per lead over
 * SMTP with nodemailer, a fresh connection per message (a function instance lives too
 * briefly for a pool to pay off).
 *
 * Delivered once the server accepted at least one recipient: admissions has the lead.
 * A partial refusal is not retried, since a retry would send the lead again to everyone
 * who already has it; an error line names the lead so someone can check the address.
 */
import { DELIVERED, retry, type Channel, type DeliveryResult } from './channel.ts';
import { failureMail, leadMail, type MailAddresses, type MailMessage } from './email-message.ts';
import { loadNodemailer } from './nodemailer.ts';
import { smtpErrorCode } from './smtp-error.ts';

export const SMTP_TIMEOUT_MS = 10_000;

export interface EmailOptions extends MailAddresses {
  /** `smtp://` or `smtps://user:pass@host:port`. */
  smtpUrl: string;
  /** Per step: connecting, the greeting, and each reply. */
  timeoutMs?: number;
  /** Refuse to send without TLS (production: leads are health information). */
  requireTLS?: boolean;
  /** Told (with the lead id) when some, not all, recipients refused the message. */
  onPartial?: (leadId: string) => void;
}

export function createEmailChannel(options: EmailOptions): Channel {
  const timeoutMs = options.timeoutMs ?? SMTP_TIMEOUT_MS;

  async function send(message: MailMessage, leadId: string): Promise<DeliveryResult> {
    const { createTransport } = await loadNodemailer();
    const transport = createTransport({
      url: options.smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
      requireTLS: options.requireTLS ?? false,
      // Our messages never attach files or fetch URLs; refusing both closes two doors.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    try {
      const info = await transport.sendMail(message);
      if (info.accepted.length === 0) return retry('rejected');
      if (info.rejected.length > 0) options.onPartial?.(leadId);
      return DELIVERED;
    } catch (error) {
      return retry(smtpErrorCode(error));
    } finally {
      transport.close();
    }
  }

  return {
    name: 'email',
    deliver: (lead) => send(leadMail(lead, options), lead.id),
    alert: (failure) => send(failureMail(failure, options), failure.leadId),
  };
}
