/**
 * Turns a nodemailer failure into one of our short codes: the SMTP reply code when the
 * server answered (`smtp_550`), otherwise what happened to the connection.
 */
import { smtpCode, type DeliveryCode } from './codes.ts';
import { networkCode } from './network-error.ts';

export function smtpErrorCode(error: unknown): DeliveryCode {
  const fields = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const reply = smtpCode(fields['responseCode']);
  if (reply) return reply;
  switch (fields['code']) {
    case 'EAUTH':
      return 'auth';
    case 'ETLS':
      return 'tls';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EENVELOPE':
      return 'rejected';
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EPROTOCOL':
      // A TLS failure reaches us as a socket error with the TLS code as its cause.
      return networkCode((fields['cause'] as unknown) ?? error) === 'tls' ? 'tls' : 'connection';
    default:
      return networkCode(error);
  }
}
