import { describe, expect, it } from 'vitest';
import { topLevelKeys } from '../../../src/leads/intake/json-keys.ts';
import { parseBody } from '../../../src/leads/intake/parse-body.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('urlencoded', () => {
  it.each([
    ['plain fields', 'name=Sam&phone=2025550143', { name: 'Sam', phone: '2025550143' }],
    ['plus as space', 'name=Sam+Lee', { name: 'Sam Lee' }],
    ['percent escapes, UTF-8', 'name=Jos%C3%A9%20%F0%9F%8C%BB', { name: 'José 🌻' }],
    ['a literal plus', 'phone=%2B12025550143', { phone: '+12025550143' }],
    ['a key with no value', 'consent&name=Sam', { consent: '', name: 'Sam' }],
    ['empty pairs', '&&name=Sam&', { name: 'Sam' }],
    ['an empty body', '', {}],
    ['"=" inside a value', 'name=a%3Db=c', { name: 'a=b=c' }],
    ['unknown fields dropped', 'name=Sam&ssn=078051120&__proto__=x&constructor=y', { name: 'Sam' }],
    ['a repeated unknown field', 'x=1&x=2&name=Sam', { name: 'Sam' }],
  ])('%s', (_, body, fields) => {
    expect(parseBody('form', bytes(body))).toEqual({ ok: true, fields });
  });

  it.each([
    ['a broken escape', 'name=%zz'],
    ['a truncated escape', 'name=Sam%2'],
    ['a lone UTF-8 lead byte', 'name=%E2'],
    ['an overlong encoding', 'name=%C0%AF'],
    ['a broken escape in an unknown field', 'other=%G0&name=Sam'],
    ['a broken escape in a key', 'na%me=Sam'],
  ])('refuses %s as malformed', (_, body) => {
    expect(parseBody('form', bytes(body))).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(parseBody('form', new Uint8Array([0x6e, 0x3d, 0xff]))).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it.each([['consent=no&consent=yes'], ['name=A&name=B'], ['name=A&name=A'], ['na%6De=A&name=B']])(
    'refuses the repeated field in %j',
    (body) => {
      expect(parseBody('form', bytes(body))).toEqual({ ok: false, problem: 'duplicate_field' });
    },
  );
});

describe('JSON', () => {
  it.each([
    ['strings', '{"name":"Sam","consent":"yes"}', { name: 'Sam', consent: 'yes' }],
    [
      'numbers, booleans and null pass to validation',
      '{"fillMs":1,"texts":true,"email":null}',
      { fillMs: 1, texts: true, email: null },
    ],
    [
      'unknown fields dropped whatever their type',
      '{"name":"Sam","extra":{"a":[1]},"list":[1,2]}',
      { name: 'Sam' },
    ],
    ['__proto__ ignored', '{"__proto__":{"admin":true},"name":"Sam"}', { name: 'Sam' }],
    ['a byte-order mark', '\ufeff{"name":"Sam"}', { name: 'Sam' }],
    ['whitespace', ' \n{ "name" : "Sam" }\n ', { name: 'Sam' }],
    ['an empty object', '{}', {}],
  ])('%s', (_, body, fields) => {
    const result = parseBody('json', bytes(body));
    expect(result).toEqual({ ok: true, fields });
    if (result.ok) expect(Object.getPrototypeOf(result.fields)).toBe(Object.prototype);
  });

  it.each([
    ['broken JSON', '{"name":"Sam"'],
    ['trailing garbage', '{"name":"Sam"} x'],
    ['an empty body', ''],
    ['an array', '[{"name":"Sam"}]'],
    ['a string', '"name=Sam"'],
    ['a number', '42'],
    ['null', 'null'],
    ['a nested object in a field', '{"name":{"first":"Sam"}}'],
    ['an array in a field', '{"phone":["2025550143"]}'],
    ['single quotes', "{'name':'Sam'}"],
  ])('refuses %s as malformed', (_, body) => {
    expect(parseBody('json', bytes(body))).toEqual({ ok: false, problem: 'malformed' });
  });

  it.each([
    ['{"consent":"no","consent":"yes"}'],
    ['{"name":"A","x":{"name":"inner"},"name":"B"}'],
    ['{"name":"A","\\u006eame":"B"}'],
  ])('refuses the repeated field in %s', (body) => {
    expect(parseBody('json', bytes(body))).toEqual({ ok: false, problem: 'duplicate_field' });
  });

  it('allows a field name repeated only inside a nested unknown value', () => {
    expect(parseBody('json', bytes('{"x":{"name":"inner"},"name":"Sam"}'))).toEqual({
      ok: true,
      fields: { name: 'Sam' },
    });
  });

  it('survives deep nesting', () => {
    const deep = `{"x":${'['.repeat(5000)}${']'.repeat(5000)},"name":"Sam"}`;
    expect(parseBody('json', bytes(deep))).toEqual({ ok: true, fields: { name: 'Sam' } });
  });
});

describe('topLevelKeys', () => {
  it.each([
    ['{}', []],
    [
      '{"a":1,"b":"x,y}","c":[1,{"d":2}],"e":{"f":"}"},"g":null,"h":true,"i":-1.5e3}',
      ['a', 'b', 'c', 'e', 'g', 'h', 'i'],
    ],
    ['{"a\\"b":"\\\\","c":"\\"}"}', ['a"b', 'c']],
    [' { "a" : 1 , "a" : 2 } ', ['a', 'a']],
  ])('%s', (json, keys) => {
    JSON.parse(json);
    expect(topLevelKeys(json)).toEqual(keys);
  });
});
