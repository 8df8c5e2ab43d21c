import { shareChainSteps } from '@sesam-connectors/template-pack';
import { minimalConnector } from '../../../test/connector-fixtures';
import { checkConnectorConfig, ConnectorConfigError } from '../config';
import { parseJson, toCanonicalJson } from '../json';
import { loadTemplatePack } from '../render';
import { planDatatypes } from './plan-datatypes';
import { ID, inferred, sharePipe } from './testing/pipes';

const FILE = 'packages/connectors/acme/connector.json';

/** `-share` pipes that keep transform-share-rest's expansion instead of calling the template. */

const share = sharePipe;
const rest = (role: string, extra: object = {}) => ({
  type: 'rest',
  system: '{{@ system @}}',
  operation: `{{@ datatype @}}-${role}`,
  trigger_on: { key: '$operation', value: role },
  allowed_status_codes: '100-599',
  replace_entity: false,
  side_effects: role !== 'lookup',
  ...extra,
});
const decision = (rules: object = {}) => ({
  type: 'dtl',
  rules: {
    default: [
      ['copy', ['literal', 'QuoteId']],
      ['add', '$source', '_S.'],
    ],
    lookup: [['add', '$operation', 'lookup']],
    ...rules,
  },
});
const comparison = {
  type: 'dtl',
  rules: { default: [['copy', '*']], update: [['add', '$operation', 'update']] },
};
const result = {
  type: 'dtl',
  rules: {
    default: [
      ['copy', '*'],
      ['add', '$success', true],
    ],
  },
};
const payload = { type: 'dtl', rules: { default: [['copy', '*', ['list', '_*', '$*']]] } };
const enrich = { type: 'rest', system: '{{@ system @}}', operation: 'quote-lookup', replace_entity: false };

describe('-share with transform-share-rest written out', () => {
  it('reads a chained transform: its form, the primary key, what comes before the decision DTL, the keys all rest steps share', () => {
    const pipe = share({
      type: 'chained',
      transforms: [enrich, payload, decision(), rest('lookup'), comparison, rest('update'), result],
    });
    expect(inferred('share', pipe)).toEqual({
      primaryKey: 'QuoteId',
      transformForm: 'object',
      shareForm: 'chained',
      shareStepsEdition: 'early',
      shareStepKeys: { allowed_status_codes: '100-599' },
      shareFirstTransforms: [enrich],
      shareRules: payload.rules,
    });
  });

  it('reads steps in the pipe’s own transforms; a key the rest steps set apart and the current edition’s rules stay out', () => {
    const pipe = share([
      decision({ 'discard-by-connector': [['add', '$operation', 'discard-by-connector']] }),
      rest('lookup'),
      comparison,
      rest('update', { allowed_status_codes: '200' }),
      result,
    ]);
    expect(inferred('share', pipe)).toEqual({ primaryKey: 'QuoteId', shareForm: 'steps' });
  });

  it('finds no written-out share without a DTL right before the rest lookup on $operation', () => {
    const pipe = share([payload, enrich, rest('lookup'), comparison]);
    expect(inferred('share', pipe)).not.toHaveProperty('shareForm');
    expect(inferred('share', share([decision(), rest('update'), result]))).not.toHaveProperty('shareForm');
  });
});

describe('planning a written-out share', () => {
  const pack = loadTemplatePack();
  const plan = (pipe: object) => {
    const [planned] = planDatatypes(
      {
        datatypes: [{ name: 'quote', template: 'templates/quote.json' }],
        files: new Map([['templates/quote.json', JSON.stringify([pipe])]]),
      },
      pack,
    );
    if (planned?.kind !== 'pattern') throw new Error(`not on a pattern: ${JSON.stringify(planned)}`);
    return {
      options: JSON.parse(toCanonicalJson(planned.options)),
      patches: JSON.parse(toCanonicalJson((planned.patches.get('share') ?? []) as never)),
    };
  };

  it('keeps one guarded add for a rule the connector appended to the result DTL', () => {
    const steps = shareChainSteps('QuoteId', ['update', 'insert', 'delete']) as {
      rules: { default: unknown[] };
    }[];
    const appended = ['add', '$handled_by', 'connector'];
    const last = steps[steps.length - 1]!;
    const edited = [
      ...steps.slice(0, -1),
      { ...last, rules: { ...last.rules, default: [...last.rules.default, appended] } },
    ];
    const { options, patches } = plan(share({ type: 'chained', transforms: [payload, ...edited] }));
    expect(options).toMatchObject({ primaryKey: 'QuoteId', shareForm: 'chained', shareRules: payload.rules });
    expect(options).not.toHaveProperty('shareStepsEdition');
    expect(patches).toEqual([
      { op: 'add', path: '/transform/transforms/7/rules/default/-', value: appended },
    ]);
  });

  it('renders the early edition with a step key where the source is so, with no patch', () => {
    const steps = shareChainSteps(
      'QuoteId',
      ['update', 'insert', 'delete'],
      { allowed_status_codes: '100-599' },
      'early',
    );
    const { options, patches } = plan(share(steps));
    expect(options).toMatchObject({
      shareForm: 'steps',
      shareStepsEdition: 'early',
      shareStepKeys: { allowed_status_codes: '100-599' },
    });
    expect(patches).toEqual([]);
  });
});

describe('shareForm in connector.json', () => {
  const problems = (options: object): string[] => {
    const connector = minimalConnector();
    connector['datatypes']['quote'] = { pattern: 'share', options };
    try {
      checkConnectorConfig(parseJson(JSON.stringify(connector)), {
        file: FILE,
        folder: 'acme',
        fileExists: () => false,
      });
    } catch (error) {
      if (error instanceof ConnectorConfigError) return error.message.split('\n');
      throw error;
    }
    return [];
  };

  it('names the JSON path and the allowed values of a wrong form or edition', () => {
    expect(problems({ shareForm: 'chain' })).toEqual([
      `${FILE}: datatypes.quote.options.shareForm: must be one of template, chained, steps`,
    ]);
    expect(problems({ shareForm: 'steps', shareStepsEdition: 'old' })).toEqual([
      `${FILE}: datatypes.quote.options.shareStepsEdition: must be one of current, early`,
    ]);
    expect(problems({ shareForm: 'steps', shareStepKeys: { trigger_on: {} } })).toEqual([
      `${FILE}: datatypes.quote.options.shareStepKeys: has a shape that is not allowed`,
    ]);
  });

  it('refuses the written-out share with a list primary key, at options.shareForm', () => {
    expect(problems({ shareForm: 'chained', primaryKey: ['a', 'b'] }).join('\n')).toContain(
      'datatypes.quote.options.shareForm: "chained" writes the primary key into the share\'s DTL',
    );
    expect(problems({ shareForm: 'chained', primaryKey: 'QuoteId', shareStepsEdition: 'early' })).toEqual([]);
  });
});
