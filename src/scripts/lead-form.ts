/**
 * Progressive enhancement of a lead form (the callback form, the coverage check). Without
 * this script the form posts as plain HTML and the server answers with a page; with it,
 * people see problems next to each field at once and the request goes as JSON. Both paths
 * end on the same thanks page. Each form brings its checks (the server's words), its
 * thanks page and the prefix of its field ids (`<prefix>-<field>`, `<prefix>-<field>-error`).
 */
export type Errors = Record<string, string>;

export interface LeadFormOptions {
  checks: (fields: Record<string, string>) => Errors;
  thanks: string;
  prefix: string;
}

export function enhanceLeadForms(selector: string, options: LeadFormOptions): void {
  document.querySelectorAll<HTMLFormElement>(selector).forEach((form) => enhance(form, options));
}

function enhance(form: HTMLFormElement, { checks, thanks, prefix }: LeadFormOptions): void {
  // Our checks replace the browser's bubbles, which many screen readers announce poorly.
  form.noValidate = true;
  const summary = form.querySelector<HTMLElement>('[data-summary]')!;
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  let busy = false;
  // One id for every try of this request, so a retry after a dropped connection is the
  // same lead (the server also compares the values: a changed request is a new lead).
  let submissionId = newSubmissionId();
  // The fill time is one duration on one clock (performance.now() is monotonic and never
  // set by the visitor), so a phone whose wall clock is off cannot look like a bot.
  let firstInput: number | undefined;
  form.addEventListener('input', () => (firstInput ??= performance.now()));
  // Back or Forward without the cache (or a reload, in some browsers) loads the page
  // afresh, but the browser puts back what was typed on it before: how long that took is
  // unknown here, and a low guess would drop a real person, so such a page sends no fill
  // time. (Bots that post without running this script send none either.)
  const refilled = navigationType() === 'back_forward' || holdsTypedValues(form);
  // Back (or Forward) restores this page from the back/forward cache with its script
  // state, id included: a request sent from it now is a new one, so it gets a new id.
  // The fill clock keeps running from the first keystroke: the fields still hold what
  // was typed then, and a person who fixes one digit and sends at once is not a bot.
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    submissionId = newSubmissionId();
    // Still "Request sent. Opening the next page…" from before it was left.
    status.textContent = '';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const fields = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const errors: Errors = checks(fields);
    if (show(form, summary, errors, prefix)) return;

    busy = true;
    button.setAttribute('aria-disabled', 'true');
    status.textContent = 'Sending your request…';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          ...fields,
          ...(submissionId ? { submissionId } : {}),
          ...(firstInput === undefined || refilled
            ? {}
            : { fillMs: Math.round(performance.now() - firstInput) }),
        }),
      });
      if (response.status === 202) {
        status.textContent = 'Request sent. Opening the next page…';
        location.assign(thanks);
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { errors?: Errors; error?: string };
      status.textContent = '';
      if (response.status === 422 && body.errors) show(form, summary, body.errors, prefix);
      else problem(summary, body.error ?? 'We could not send your request.');
    } catch {
      status.textContent = '';
      problem(summary, 'Your request did not reach us. Please check your connection and try again.');
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });
}

/** A random UUID, or none in an old browser without randomUUID (then every post is a new lead). */
function newSubmissionId(): string | undefined {
  return globalThis.crypto?.randomUUID?.();
}

/** Whether a field people type in already has a value before anyone typed on this load. */
function holdsTypedValues(form: HTMLFormElement): boolean {
  return ['name', 'phone', 'email'].some((name) => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement && field.value !== '';
  });
}

function navigationType(): string | undefined {
  const [entry] = performance.getEntriesByType?.('navigation') ?? [];
  return (entry as PerformanceNavigationTiming | undefined)?.type;
}

/** Marks each field with its message; returns whether there were any. */
function show(form: HTMLFormElement, summary: HTMLElement, errors: Errors, prefix: string): boolean {
  const names = Object.keys(errors);
  for (const el of form.querySelectorAll<HTMLElement>('.error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  if (names.length === 0) {
    summary.hidden = true;
    return false;
  }
  const items = names.map((name) => {
    const message = errors[name]!;
    const slot = form.querySelector(`#${prefix}-${name}-error`);
    if (slot) slot.textContent = message;
    form.querySelectorAll(`[name="${name}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
    const link = Object.assign(document.createElement('a'), {
      href: `#${prefix}-${name}`,
      textContent: message,
    });
    const target = form.querySelector<HTMLElement>(`[name="${name}"]`);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      target?.focus();
    });
    const item = document.createElement('li');
    item.append(link);
    return item;
  });
  // Not a heading: the form sits under an h1 on one page and an h2 on others.
  const heading = Object.assign(document.createElement('strong'), {
    textContent: names.length === 1 ? 'Please fix 1 thing:' : `Please fix ${names.length} things:`,
  });
  const list = document.createElement('ul');
  list.append(...items);
  summary.replaceChildren(heading, list);
  summary.hidden = false;
  summary.focus();
  return true;
}

function problem(summary: HTMLElement, message: string): void {
  const call = document.querySelector<HTMLAnchorElement>('a[href^="tel:+"]');
  const text = Object.assign(document.createElement('p'), { textContent: `${message} ` });
  if (call) text.append('You can also call us: ', call.cloneNode(true));
  summary.replaceChildren(text);
  summary.hidden = false;
  summary.focus();
}
