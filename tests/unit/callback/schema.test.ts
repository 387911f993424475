import { describe, expect, it } from 'vitest';
import {
  CallbackSchema,
  LIMITS,
  MESSAGES,
  makeCallbackSchema,
  validateCallback,
  type Callback,
} from '../../../src/callback/schema.ts';

const base = { name: 'Sam', phone: '(202) 555-0143', consent: 'yes' };

function check(fields: Record<string, unknown>, schema = CallbackSchema) {
  return validateCallback({ ...base, ...fields }, schema);
}

function value(fields: Record<string, unknown>): Callback {
  const result = check(fields);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('phone', () => {
  it.each([
    ['(202) 555-0143', '+12025550143'],
    ['202-555-0143', '+12025550143'],
    ['202.555.0143', '+12025550143'],
    ['2025550143', '+12025550143'],
    ['1 202 555 0143', '+12025550143'],
    ['+1 (202) 555-0143', '+12025550143'],
    ['  +12025550143  ', '+12025550143'],
    ['(800) 662-4357', '+18006624357'],
    ['(787) 555-1234', '+17875551234'],
  ])('accepts %j as %s', (phone, e164) => {
    expect(value({ phone }).phone).toBe(e164);
  });

  it.each([
    ['', MESSAGES.phone.required],
    ['   ', MESSAGES.phone.required],
    ['555-1234', MESSAGES.phone.invalid],
    ['123-456-7890', MESSAGES.phone.invalid],
    ['202 555 01431', MESSAGES.phone.invalid],
    ['911', MESSAGES.phone.invalid],
    ['+44 20 7946 0958', MESSAGES.phone.invalid],
    ['+1 (416) 555-0123', MESSAGES.phone.invalid],
    ['call me', MESSAGES.phone.invalid],
    ['2'.repeat(LIMITS.phoneMax + 1), MESSAGES.phone.invalid],
    ['(202) 555-0143 ext. 12', MESSAGES.phone.extension],
    ['202-555-0143 x3', MESSAGES.phone.extension],
  ])('refuses %j', (phone, message) => {
    expect(check({ phone })).toEqual({ ok: false, errors: { phone: message } });
  });

  it.each([[2025550143], [true], [null], [undefined]])('refuses the non-text %j as missing', (phone) => {
    expect(check({ phone })).toEqual({ ok: false, errors: { phone: MESSAGES.phone.required } });
  });
});

describe('name', () => {
  it('is trimmed and normalised to NFC', () => {
    expect(value({ name: '  Jose\u0301  ' }).name).toBe('José');
  });

  it.each([
    ['a NUL', 'Sam\u0000'],
    ['a tab', 'Sam\tLee'],
    ['a newline', 'Sam\nLee'],
    ['a carriage return', 'Sam\rBcc: x'],
    ['an escape', 'Sam\u001b[31m'],
    ['DEL', 'Sam\u007f'],
    ['a C1 control', 'Sam\u0085'],
    ['a line separator', 'Sam\u2028Lee'],
    ['a bidi override', 'Sam\u202eeeL'],
    ['a bidi isolate', 'Sam\u2066Lee'],
    ['a lone surrogate', 'Sam\ud800'],
  ])('refuses %s', (_, name) => {
    expect(check({ name })).toEqual({ ok: false, errors: { name: MESSAGES.name.invalid } });
  });

  it.each([
    ['accents', 'Zoë Ñúñez'],
    ['an apostrophe and hyphen', "O'Brien-Smith"],
    ['non-Latin script', '李小龙'],
    ['a zero-width joiner (needed in some scripts)', 'क्\u200dष'],
    ['an emoji', 'Sam 🌻'],
  ])('accepts %s', (_, name) => {
    expect(check({ name }).ok).toBe(true);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(check({ name: '🌻'.repeat(LIMITS.nameMax) }).ok).toBe(true);
    expect(check({ name: '🌻'.repeat(LIMITS.nameMax + 1) })).toEqual({
      ok: false,
      errors: { name: MESSAGES.name.tooLong },
    });
  });

  it.each([[''], ['   '], [null], [42], [false]])('treats %j as missing', (name) => {
    expect(check({ name })).toEqual({ ok: false, errors: { name: MESSAGES.name.required } });
  });
});

describe('email', () => {
  const atLength = (length: number) => `${'a'.repeat(64)}@${'b'.repeat(length - 64 - 1 - 4)}.org`;

  it('is optional: empty means none', () => {
    expect(value({ email: '' }).email).toBeUndefined();
    expect(value({ email: '   ' }).email).toBeUndefined();
    expect(value({}).email).toBeUndefined();
  });

  it('allows exactly 254 characters and refuses 255', () => {
    expect(atLength(254)).toHaveLength(254);
    expect(value({ email: atLength(254) }).email).toBe(atLength(254));
    expect(check({ email: atLength(255) })).toEqual({ ok: false, errors: { email: MESSAGES.email.tooLong } });
  });

  it.each([
    ['plainaddress'],
    ['@example.org'],
    ['sam@'],
    ['sam@example'],
    ['sam @example.org'],
    ['sam@exa\nmple.org'],
  ])('refuses %j', (email) => {
    expect(check({ email })).toEqual({ ok: false, errors: { email: MESSAGES.email.invalid } });
  });

  it('trims', () => {
    expect(value({ email: ' sam@example.org ' }).email).toBe('sam@example.org');
  });
});

describe('choices and checkboxes', () => {
  it('defaults callTime to anytime', () => {
    expect(value({}).callTime).toBe('anytime');
    expect(value({ callTime: '' }).callTime).toBe('anytime');
  });

  it.each([
    ['callTime', 'midnight', MESSAGES.callTime.invalid],
    ['forWhom', 'neighbour', MESSAGES.forWhom.invalid],
    ['program', 'spa-weekend', MESSAGES.program.invalid],
    ['voicemail', 'maybe', MESSAGES.voicemail.invalid],
    ['texts', 'on', MESSAGES.texts.invalid],
    ['consent', 'no', MESSAGES.consent.required],
    ['consent', '', MESSAGES.consent.required],
    ['consent', 'YES', MESSAGES.consent.required],
    ['consent', false, MESSAGES.consent.required],
  ])('%s=%j is refused', (field, input, message) => {
    expect(check({ [field]: input })).toEqual({ ok: false, errors: { [field]: message } });
  });

  it.each([
    ['yes', true],
    [true, true],
    ['', false],
    ['no', false],
    [false, false],
    [undefined, false],
  ])('checkbox %j reads as %s', (input, expected) => {
    const result = value({ voicemail: input, texts: input });
    expect([result.voicemail, result.texts]).toEqual([expected, expected]);
  });

  it('accepts JSON true for consent', () => {
    expect(value({ consent: true }).consent).toBe(true);
  });

  it('takes program slugs from the injected list', () => {
    const schema = makeCallbackSchema(['detox']);
    expect(check({ program: 'detox' }, schema).ok).toBe(true);
    expect(check({ program: 'outpatient' }, schema)).toEqual({
      ok: false,
      errors: { program: MESSAGES.program.invalid },
    });
  });
});

describe('hidden fields never produce a message', () => {
  it.each([
    ['fillMs', '4200', 4200],
    ['fillMs', ' 4200 ', 4200],
    ['fillMs', 4200, 4200],
    ['fillMs', 0, 0],
    ['fillMs', '0', 0],
    ['fillMs', 2999.9, 2999],
    ['fillMs', 'soon', undefined],
    ['fillMs', '', undefined],
    ['fillMs', '-5', undefined],
    ['fillMs', -5, undefined],
    ['fillMs', '12.5', undefined],
    ['fillMs', '1e5', undefined],
    ['fillMs', Infinity, undefined],
    ['fillMs', NaN, undefined],
    ['fillMs', true, undefined],
    ['fillMs', null, undefined],
    ['startedAt', 1718000000000, undefined],
    ['submissionId', '0F8FAD5B-D9CB-469F-A165-70867728950E', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['submissionId', 'not-a-uuid', undefined],
    ['page', '/programs/', '/programs/'],
    ['page', 'x'.repeat(LIMITS.pageMax + 1), undefined],
    ['website', '', ''],
    ['website', 7, '7'],
  ])('%s=%j reads as %j', (field, input, expected) => {
    const result = value({ [field]: input });
    expect(result[field as keyof Callback]).toEqual(expected);
  });
});

describe('validateCallback', () => {
  it('lists one message per failing field, in plain words', () => {
    const result = validateCallback({});
    expect(result).toEqual({
      ok: false,
      errors: {
        name: MESSAGES.name.required,
        phone: MESSAGES.phone.required,
        consent: MESSAGES.consent.required,
      },
    });
  });

  it.each([[null], [[]], ['name=Sam'], [42]])('reads a non-object %j as an empty form', (input) => {
    expect(validateCallback(input)).toEqual(validateCallback({}));
  });

  it('drops unknown fields', () => {
    const result = validateCallback({ ...base, ssn: '078-05-1120', __proto__: { admin: true } });
    expect(result.ok && Object.keys(result.value)).not.toContain('ssn');
  });
});
