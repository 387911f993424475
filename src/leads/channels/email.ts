/**
 * The email channel (SMTP_URL, ADMISSIONS_EMAIL, MAIL_FROM): one message per lead over
 * SMTP with nodemailer, a fresh connection per message (a function instance lives too
 * briefly for a pool to pay off).
 *
 * Delivered once the server accepted at least one recipient: admissions has the lead.
 * A partial refusal is not retried, since a retry would send the lead again to everyone
 * who already has it; an error line names the lead so someone can check the address.
 *
 * One attempt has one limit, the whole message from connecting to the server's answer to
 * the final dot (`limitMs`). When it passes, or the caller's signal aborts, the
 * connection is closed: a server that had not yet got the final dot drops the message,
 * so the retry is the only copy. A server that got the dot and is slow only in answering
 * it may keep the message, and the retry then is a second copy; SMTP cannot tell the two
 * apart (RFC 1047), which is why the Message-ID is the same on every try.
 */
import { CHANNEL_LIMIT_MS, DELIVERED, retry, type Channel, type DeliveryResult } from './channel.ts';
import { failureMail, leadMail, type MailAddresses, type MailMessage } from './email-message.ts';
import { loadNodemailer } from './nodemailer.ts';
import { smtpErrorCode } from './smtp-error.ts';

/** Longest wait for one step (connecting, the greeting, each reply), if the limit leaves that much. */
export const SMTP_STEP_TIMEOUT_MS = 10_000;

export interface EmailOptions extends MailAddresses {
  /** `smtp://` or `smtps://user:pass@host:port`. */
  smtpUrl: string;
  /** Per step: connecting, the greeting, and each reply (default SMTP_STEP_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The whole message, connection included (default CHANNEL_LIMIT_MS). */
  limitMs?: number;
  /** Refuse to send without TLS (production: leads are health information). */
  requireTLS?: boolean;
  /** Told (with the lead id) when some, not all, recipients refused the message. */
  onPartial?: (leadId: string) => void;
}

export function createEmailChannel(options: EmailOptions): Channel {
  const stepMs = options.timeoutMs ?? SMTP_STEP_TIMEOUT_MS;
  const limitMs = options.limitMs ?? CHANNEL_LIMIT_MS;

  async function send(message: MailMessage, leadId: string, signal?: AbortSignal): Promise<DeliveryResult> {
    // The clock starts before nodemailer loads: that counts against the limit too.
    const endsAt = performance.now() + limitMs;
    const limit = AbortSignal.timeout(limitMs);
    const cancel = signal ? AbortSignal.any([signal, limit]) : limit;
    const { createTransport } = await loadNodemailer();
    // No step may wait past the limit; the limit itself is enforced by `cancel` below.
    const step = Math.max(1, Math.min(stepMs, Math.floor(endsAt - performance.now())));
    const transport = createTransport({
      url: options.smtpUrl,
      connectionTimeout: step,
      greetingTimeout: step,
      socketTimeout: step,
      dnsTimeout: step,
      // Given up is given up: drop the socket at once rather than wait for the server.
      socketCloseTimeout: 0,
      requireTLS: options.requireTLS ?? false,
      // Our messages never attach files or fetch URLs; refusing both closes two doors.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    try {
      // nodemailer closes the connection when `signal` aborts, wherever the exchange is.
      const info = await transport.sendMail({ ...message, signal: cancel });
      if (info.accepted.length === 0) return retry('rejected');
      if (info.rejected.length > 0) options.onPartial?.(leadId);
      return DELIVERED;
    } catch (error) {
      return retry(cancel.aborted ? 'timeout' : smtpErrorCode(error));
    } finally {
      transport.close();
    }
  }

  return {
    name: 'email',
    deliver: (lead, signal) => send(leadMail(lead, options), lead.id, signal),
    alert: (failure, signal) => send(failureMail(failure, options), failure.leadId, signal),
  };
}
