/**
 * The coverage check's own consent text, and the version each request records. Like the
 * callback's (src/callback/consent.ts), the version ends in the first 12 hex digits of the
 * SHA-256 of the text; a unit test fails when the text changes without a new version.
 */
import { site } from '../../../site.config.ts';

export const INSURANCE_CONSENT_TEXT =
  `By checking this box, I agree that ${site.name} may use the details I gave to check my insurance ` +
  'benefits with my insurance company, and may call and text me at the phone number I gave about the answer. ' +
  'These calls and text messages may use automated technology or recorded messages. ' +
  'I do not have to agree to this to get care or treatment. ' +
  `I can take back my consent at any time by telling ${site.name} or by replying STOP to a text. ` +
  'Message and data rates may apply.';

export const INSURANCE_CONSENT_VERSION = 'i1-257175fc499e';
