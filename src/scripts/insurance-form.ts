/**
 * The coverage check's enhancement: the shared lead form script, and the fields that only
 * apply sometimes. Its problems come from the server's 422 answer, shown next to each
 * field like the callback's: the schema's own words, and no second copy of its messages in
 * the page (with the callback's checks they would take both forms past the 3 KB budget). Without JavaScript those are always
 * shown (each says when it applies); with it, each is hidden until its choice makes it
 * apply, and hidden fields are left out of what is checked and sent.
 */
import { enhanceLeadForms } from './lead-form.ts';

export function enhanceInsuranceForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-insurance-form]')) {
    for (const part of form.querySelectorAll<HTMLElement>('[data-shown-when]')) {
      const [name, value] = part.dataset['shownWhen']!.split('=') as [string, string];
      const control = form.elements.namedItem(name) as HTMLSelectElement;
      // "!x": shown for every choice but x.
      const update = () => {
        const applies = value.startsWith('!') ? control.value !== value.slice(1) : control.value === value;
        part.hidden = !applies;
        for (const field of part.querySelectorAll<HTMLInputElement>('input')) field.disabled = !applies;
      };
      control.addEventListener('change', update);
      update();
    }
  }
  enhanceLeadForms('form[data-insurance-form]', {
    checks: () => ({}),
    thanks: '/insurance/thanks/',
    prefix: 'ins',
  });
}
