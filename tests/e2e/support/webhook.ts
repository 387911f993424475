/**
 * The webhook receiver and SMTP server the e2e server delivers to: fixed loopback ports
 * (the server is started before any test, so it must know where to send), derived from
 * the server's own port so two runs on one machine do not meet (4322 -> 4399 and 4398),
 * and a test-only secret. While no test runs them, leads fail to deliver and wait for a
 * retry, which changes nothing for the other tests.
 */
import { E2E_PORT } from './server-env.ts';

export const E2E_WEBHOOK_PORT = E2E_PORT + 77;
export const E2E_WEBHOOK_URL = `http://127.0.0.1:${E2E_WEBHOOK_PORT}/hooks/callback`;
export const E2E_WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 11).toString('base64')}`;

export const E2E_SMTP_PORT = E2E_PORT + 76;
export const E2E_SMTP_URL = `smtp://127.0.0.1:${E2E_SMTP_PORT}`;
export const E2E_ADMISSIONS_EMAIL = 'admissions@center.test';
