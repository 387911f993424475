/**
 * The local inbox (LEAD_INBOX_DIR): the default outside production when no channel is
 * set. Each lead becomes one `.eml` file, the very message the email channel would send,
 * so a developer sees what admissions will see by opening it in any mail program.
 *
 * Files are written beside their final name and renamed into place, so a reader never
 * meets half a message; the folder and files are private to the user (they hold leads).
 */
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DELIVERED, retry, type Channel, type DeliveryResult } from './channel.ts';
import { failureMail, leadMail, type MailMessage } from './email-message.ts';
import { loadNodemailer } from './nodemailer.ts';

const LOCAL_ADDRESSES = { from: 'Callback requests <callbacks@localhost>', to: ['admissions@localhost'] };

export function createInboxChannel(options: { dir: string }): Channel {
  async function write(
    fileName: string,
    message: MailMessage,
    signal?: AbortSignal,
  ): Promise<DeliveryResult> {
    const path = join(options.dir, fileName);
    const temp = join(options.dir, `.${fileName}.${crypto.randomUUID()}.tmp`);
    try {
      const { createTransport } = await loadNodemailer();
      const composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      const { message: bytes } = await composer.sendMail(message);
      await mkdir(options.dir, { recursive: true, mode: 0o700 });
      await writeFile(temp, bytes, { mode: 0o600 });
      await chmod(temp, 0o600);
      // Given up on (the caller recorded a timeout): the file must not appear after all.
      signal?.throwIfAborted();
      await rename(temp, path);
      return DELIVERED;
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
      return retry(signal?.aborted ? 'timeout' : 'io');
    }
  }

  return {
    name: 'inbox',
    deliver: (lead, signal) => write(`${lead.id}.eml`, leadMail(lead, LOCAL_ADDRESSES), signal),
    alert: (failure, signal) =>
      write(`failed-${failure.channel}-${failure.leadId}.eml`, failureMail(failure, LOCAL_ADDRESSES), signal),
  };
}
