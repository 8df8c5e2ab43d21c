import { findDatatypePattern, withDefaults } from '../index';
import { shareChainSteps } from './share-chain';

type Step = { type: string; rules?: { [rule: string]: unknown[] }; [key: string]: unknown };
const steps = (...args: Parameters<typeof shareChainSteps>) => shareChainSteps(...args) as Step[];
const text = (value: unknown) => JSON.stringify(value);

describe('shareChainSteps (the written-out transform-share-rest)', () => {
  it('runs decision DTL, lookup, comparison DTL, the write steps in update-insert-delete order, result DTL', () => {
    const all = steps('QuoteId', ['insert', 'update', 'delete', 'lookup']);
    expect(
      all.map((s) => (s.type === 'rest' ? `rest:${(s['trigger_on'] as { value: string }).value}` : s.type)),
    ).toEqual(['dtl', 'rest:lookup', 'dtl', 'rest:update', 'rest:insert', 'rest:delete', 'dtl']);
    expect(
      steps('QuoteId', ['insert'])
        .filter((s) => s.type === 'rest')
        .map((s) => s['operation']),
    ).toEqual(['{{@ datatype @}}-lookup', '{{@ datatype @}}-insert']);
    expect(all[3]).toMatchObject({ side_effects: true, allowed_status_codes: '100-428,430-599' });
    expect(all[1]).toMatchObject({ side_effects: false, replace_entity: false });
  });

  it('writes the primary key into the decision, comparison and result DTL', () => {
    const [decision, , comparison, result] = steps('QuoteId', []);
    expect(decision!.rules!['default']![0]).toEqual(['copy', ['literal', 'QuoteId']]);
    expect(text(comparison)).toContain('["copy",["literal","QuoteId"]]');
    expect(text(result)).toContain('["first","_S.response_body.QuoteId"]');
    expect(text(steps('id', []))).not.toContain('QuoteId');
  });

  it('lets shareStepKeys set keys of every rest step, over the pack’s', () => {
    const rest = steps('id', ['update'], {
      allowed_status_codes: '100-599',
      properties: { datatype: 'x' },
    }).filter((s) => s.type === 'rest');
    expect(rest).toHaveLength(2);
    for (const step of rest)
      expect(step).toMatchObject({ allowed_status_codes: '100-599', properties: { datatype: 'x' } });
  });

  it('leaves out in the early edition what the current expansion added, and enables deletes', () => {
    const [current, early] = (['current', 'early'] as const).map((edition) =>
      steps('id', ['update'], {}, edition),
    );
    const rules = (s: Step[], i: number) => Object.keys(s[i]!.rules!);
    expect(rules(current!, 0)).toEqual(
      expect.arrayContaining(['discard-by-connector', 'discard-partial-natural-key']),
    );
    expect(rules(early!, 0)).not.toEqual(expect.arrayContaining(['discard-by-connector']));
    expect(rules(early!, 0)).not.toContain('discard-partial-natural-key');
    expect(rules(early!, 0)).not.toContain('rewrite_update_payload');
    expect(early![0]!.rules!['delete']).toEqual([['add', '$operation', 'delete']]);
    expect(current![0]!.rules!['delete']).toEqual([['add', '$operation', 'discard-deletes-not-enabled']]);
    expect(text(current)).toContain('sesam_*');
    expect(text(early)).not.toContain('sesam_*');
    expect(text(current![2])).toContain('$unsafe_skip_optimistic_locking');
    expect(text(early![2])).not.toContain('$unsafe_skip_optimistic_locking');
    expect(text(current![4])).toContain('$truncation');
    expect(text(early![4])).not.toContain('$truncation');
    // the rules both editions have stay the same
    expect(early![0]!.rules!['discard-replaced']).toEqual(current![0]!.rules!['discard-replaced']);
    expect(early![4]!.rules!['trace']).toEqual(current![4]!.rules!['trace']);
  });
});

describe('the shareForm option', () => {
  it('needs the lookup operation the written-out steps call, whichever operations the share names', () => {
    const roles = (name: string, options: object) => {
      const pattern = findDatatypePattern(name)!;
      return pattern.operationRoles(
        withDefaults(pattern, { share: true, collectTemplate: 'none', ...options }),
      );
    };
    expect(roles('collect', { shareOperations: false })).toEqual(['list']);
    expect(roles('collect', { shareOperations: false, shareForm: 'chained' })).toEqual(['list', 'lookup']);
    expect(roles('share', { shareOperations: ['insert'] })).toEqual(['insert']);
    expect(roles('share', { shareOperations: ['insert'], shareForm: 'steps' })).toEqual(['lookup', 'insert']);
  });

  it('needs a single primary key, with the option path and the fix in the message', () => {
    for (const name of ['collect', 'share', 'webhook']) {
      const pattern = findDatatypePattern(name)!;
      const problems = pattern.check?.(
        withDefaults(pattern, { share: true, shareForm: 'chained', primaryKey: ['a', 'b'] }),
      );
      expect(problems).toContainEqual({
        path: ['shareForm'],
        message:
          '"chained" writes the primary key into the share\'s DTL, which takes a single property: set primaryKey to one property name, or use shareForm "template"',
      });
      expect(
        pattern.check?.(withDefaults(pattern, { share: true, shareForm: 'steps', primaryKey: 'a' })),
      ).toEqual([]);
      expect(pattern.check?.(withDefaults(pattern, { share: true, primaryKey: ['a', 'b'] }))).toEqual([]);
    }
  });
});
