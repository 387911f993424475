/** The callback form's enhancement: the shared lead form script with the callback's checks. */
import { clientChecks } from '../callback/client-checks.ts';
import { enhanceLeadForms } from './lead-form.ts';

export function enhanceCallbackForms(): void {
  enhanceLeadForms('form[data-callback-form]', {
    checks: (fields) => ({ ...clientChecks(fields) }),
    thanks: '/callback/thanks/',
    prefix: 'cb',
  });
}
