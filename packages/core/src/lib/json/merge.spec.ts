import { mergeJson, mergeOverride } from './merge';
import { parseJson } from './parse';
import { toCanonicalJson } from './write';
import type { JsonObject } from './types';

const json = (value: unknown) => parseJson(JSON.stringify(value)) as JsonObject;
const plain = (value: JsonObject | undefined) =>
  value === undefined ? undefined : JSON.parse(toCanonicalJson(value));

describe('mergeJson (JSON Merge Patch, RFC 7396)', () => {
  it('merges objects member by member, replaces arrays and scalars, and null removes a member', () => {
    const base = json({
      headers: { Accept: 'application/json', Authorization: 'Bearer x' },
      params: { limit: 10 },
      next: ['a', 'b'],
      method: 'GET',
    });
    const override = json({
      headers: { Accept: 'text/csv', 'X-Id': '1' },
      params: null,
      next: ['c'],
      url: 'u',
    });
    expect(plain(mergeJson(base, override))).toEqual({
      headers: { Accept: 'text/csv', Authorization: 'Bearer x', 'X-Id': '1' },
      next: ['c'],
      method: 'GET',
      url: 'u',
    });
  });

  it('takes a value the base lacks as written, nulls inside it too (RFC 7396 would drop them)', () => {
    const merged = mergeJson(json({}), json({ payload: { id: null, tags: [null] } }));
    expect(plain(merged)).toEqual({ payload: { id: null, tags: [null] } });
    // an object over a string replaces it whole, as written
    expect(plain(mergeJson(json({ a: 'x' }), json({ a: { b: null } })))).toEqual({ a: { b: null } });
  });
});

describe('mergeOverride (the override mergeJson turns base into target with)', () => {
  it('states only what differs, member by member, and null for what the target lacks', () => {
    const base = json({ headers: { Accept: 'application/json', Token: 't' }, method: 'GET', url: 'a' });
    const target = json({ headers: { Accept: 'application/json', 'X-Id': '1' }, method: 'GET' });
    const override = mergeOverride(base, target)!;
    expect(plain(override)).toEqual({ headers: { 'X-Id': '1', Token: null }, url: null });
    expect(plain(mergeJson(base, override))).toEqual(plain(target));
  });

  it('is empty for equal values and undefined where a null must stay over a member', () => {
    expect(plain(mergeOverride(json({ a: { b: 1 } }), json({ a: { b: 1 } })))).toEqual({});
    expect(mergeOverride(json({ a: { b: 1 } }), json({ a: { b: null } }))).toBeUndefined();
    expect(mergeOverride(json({}), json({ a: null }))).toBeUndefined();
    // a null inside a value the base lacks is written as is
    expect(plain(mergeOverride(json({}), json({ a: { b: null } })))).toEqual({ a: { b: null } });
  });
});
