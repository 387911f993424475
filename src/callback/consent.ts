/**
 * The consent text shown beside the consent box, and the version each lead records.
 *
 * CONSENT_VERSION ends in the first 12 hex digits of the SHA-256 of CONSENT_TEXT. It is
 * written out (not computed) so it stays a plain synchronous constant; a unit test fails
 * when the text changes without a new version, so every lead names the exact words the
 * visitor agreed to. Changing the center's name changes the text, and so the version.
 */
import { site } from '../site.config.ts';

export const CONSENT_TEXT =
  `By checking this box, I agree that ${site.name} may call and text me at the phone number I gave, ` +
  'about my request. These calls and text messages may use automated technology or recorded messages. ' +
  'I do not have to agree to this to get care or treatment. ' +
  `I can take back my consent at any time by telling ${site.name} or by replying STOP to a text. ` +
  'Message and data rates may apply.';

export const CONSENT_VERSION = 'c1-14ab5db63891';
