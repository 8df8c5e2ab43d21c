import { datatypePatterns } from '@sesam-connectors/template-pack';
import { parseJson } from '../json';
import { optionValidator } from './option-value';

const collect = datatypePatterns.find((pattern) => pattern.name === 'collect')!;
const json = (value: unknown) => parseJson(JSON.stringify(value));

describe('optionValidator (a value checked against its option schema alone)', () => {
  it("takes what the option's schema takes and refuses a partial object that lacks a required member", () => {
    const rules = optionValidator(collect, 'collectRules');
    expect(rules(json({ default: [['copy', '*']], 'add-id': [] }))).toBe(true);
    expect(rules(json({ 'add-id': [['add', '_id', '_S.id']] }))).toBe(false);
    expect(optionValidator(collect, 'scheduleInterval')(json(600))).toBe(true);
    expect(optionValidator(collect, 'scheduleInterval')(json('600'))).toBe(false);
  });

  it('refuses every value of an option the pattern does not have', () => {
    expect(optionValidator(collect, 'nosuch')(json(true))).toBe(false);
  });
});
