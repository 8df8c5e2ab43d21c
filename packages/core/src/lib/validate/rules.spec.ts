import { memorySource } from '../expand';
import { validateSource, type ValidateOptions, type ValidationReport } from './validate';
import { RULES } from './rules';

/** A small connector that passes every rule: one datatype with all, collect, share and event pipes. */
const clean = () => ({
  'manifest.json': {
    additional_parameters: { service_url: {} },
    use_webhook_secret: true,
    'system-template': 'templates/system.json',
    datatypes: { order: { template: 'templates/order.json' } } as Record<string, object>,
  } as Record<string, unknown>,
  'templates/system.json': {
    _id: '{{@ system @}}',
    type: 'system:rest',
    url_pattern: 'https://example.com/%s',
    headers: { Authorization: '$SECRET(api_key)' },
    operations: Object.fromEntries(
      ['list', 'lookup', 'insert', 'update', 'delete'].map((op) => [
        `order-${op}`,
        { method: 'GET', url: 'orders' },
      ]),
    ),
  } as Record<string, unknown>,
  'templates/order.json': [
    {
      _id: '{{@ system @}}-{{@ datatype @}}-all',
      type: 'pipe',
      source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
    },
    {
      _id: '{{@ system @}}-{{@ datatype @}}-collect',
      type: 'pipe',
      exclude_completeness: ['{{@ system @}}-{{@ datatype @}}-share'],
      source: {
        type: 'merge_datasets',
        datasets: ['{{@ system @}}-{{@ datatype @}}-all', '{{@ system @}}-{{@ datatype @}}-event'],
      },
      transform: [
        {
          type: 'template',
          template: 'transform-collect-rest',
          properties: {
            rest_system: '{{@ system @}}',
            primary_key: 'id',
            share_dataset: '{{@ system @}}-{{@ datatype @}}-share',
            operation_lookup_delete: '{{@ datatype @}}-lookup',
          },
        },
      ],
    },
    {
      _id: '{{@ system @}}-{{@ datatype @}}-share',
      type: 'pipe',
      batch_size: 1,
      source: { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-transform' },
      transform: {
        type: 'template',
        template: 'transform-share-rest',
        properties: {
          rest_system: '{{@ system @}}',
          operation_insert: '{{@ datatype @}}-insert',
          share_dataset: '{{@ system @}}-{{@ datatype @}}-share',
        },
      },
    },
    {
      _id: '{{@ system @}}-{{@ datatype @}}-event',
      type: 'pipe',
      source: {
        type: 'http_endpoint',
        system: '{{@ system @}}',
        validation_expression:
          "{% if request_headers['X'] == secret('webhook_secret') %}{% else %}FAIL!{% endif %}",
      },
    },
  ] as Record<string, unknown>[],
});

type Connector = ReturnType<typeof clean> & Record<string, unknown>;

function validate(
  change: (c: Connector) => void = () => undefined,
  options?: ValidateOptions,
): ValidationReport {
  const connector = clean() as Connector;
  change(connector);
  const texts = Object.fromEntries(
    Object.entries(connector).map(([name, content]) => [
      name,
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    ]),
  );
  return validateSource(memorySource(texts), options);
}

const order = (c: Connector) => c['templates/order.json'];
const pipeOf = (c: Connector, role: string) => order(c).find((p) => String(p._id).endsWith(`-${role}`))!;
const collectStep = (c: Connector) => (pipeOf(c, 'collect').transform as Record<string, unknown>[])[0];

interface Case {
  /** Makes the clean connector break the rule. */
  readonly fail: (c: Connector) => void;
  /** The finding's file and JSON path. */
  readonly at: [string, string];
  /** A near miss that must not be reported (default: the clean connector). */
  readonly pass?: (c: Connector) => void;
}

const CASES: Record<string, Case> = {
  'sesam/expand': {
    fail: (c) => (c['manifest.json'].datatypes = { order: { template: 'templates/missing.json' } }),
    at: ['manifest.json', 'datatypes.order.template'],
  },
  'sesam/template-json': {
    fail: (c) => {
      c['manifest.json'].datatypes = { order: { template: 'templates/order.json', parameters: { n: '1' } } };
      c['templates/order.json'] = JSON.stringify(order(c), null, 2).replace(
        '"batch_size": 1',
        '"batch_size": {{@ n @}}',
      ) as never;
    },
    at: ['templates/order.json', '$'],
  },
  'sesam/template-sink': {
    fail: (c) => (pipeOf(c, 'all').sink = { dataset: 'elsewhere' }),
    at: ['templates/order.json', '[0].sink.dataset'],
    pass: (c) => (pipeOf(c, 'all').sink = { dataset: '' }),
  },
  'sesam/pipe-file-name': {
    fail: (c) => order(c).push({ _id: 'nodash', type: 'pipe', source: { type: 'embedded', entities: [] } }),
    at: ['templates/order.json', '[4]._id'],
  },
  'sesam/description-warning': {
    fail: (c) => (pipeOf(c, 'all').description = 'WARNING! Unused parameters: X'),
    at: ['templates/order.json', '[0].description'],
    pass: (c) => (pipeOf(c, 'all').comment = 'WARNING! only descriptions are checked'),
  },
  'sesam/collect-template': {
    fail: (c) => (pipeOf(c, 'collect').transform = { type: 'dtl', rules: { default: [['copy', '*']] } }),
    at: ['templates/order.json', '[1].transform'],
    // Without a share pipe the collect pipe needs no collect template.
    pass: (c) => {
      pipeOf(c, 'collect').transform = { type: 'dtl', rules: { default: [['copy', '*']] } };
      c['templates/order.json'] = order(c).filter((p) => !String(p._id).endsWith('-share'));
    },
  },
  'sesam/collect-exclude-completeness': {
    fail: (c) => delete pipeOf(c, 'collect').exclude_completeness,
    at: ['templates/order.json', '[1]'],
    // Only transform *lists* are checked.
    pass: (c) => {
      delete pipeOf(c, 'collect').exclude_completeness;
      pipeOf(c, 'collect').transform = collectStep(c);
    },
  },
  'sesam/collect-properties': {
    fail: (c) => (collectStep(c).properties = {}),
    at: ['templates/order.json', '[1].transform[0]'],
  },
  'sesam/collect-share-dataset': {
    fail: (c) => delete (collectStep(c).properties as Record<string, unknown>).share_dataset,
    at: ['templates/order.json', '[1].transform[0].properties'],
  },
  'sesam/collect-excludes-share': {
    fail: (c) => (pipeOf(c, 'collect').exclude_completeness = ['{{@ system @}}-{{@ datatype @}}-event2']),
    at: ['templates/order.json', '[1].exclude_completeness'],
    // sesam validate's `in` is a substring test when exclude_completeness is a string.
    pass: (c) => (pipeOf(c, 'collect').exclude_completeness = 'x {{@ system @}}-{{@ datatype @}}-share y'),
  },
  'sesam/share-batch-size': {
    fail: (c) => (pipeOf(c, 'share').batch_size = 10),
    at: ['templates/order.json', '[2].batch_size'],
    // sesam validate compares with ==, so 1.0 passes (strict/share-batch-size reports it).
    pass: (c) =>
      (c['templates/order.json'] = JSON.stringify(order(c)).replace(
        '"batch_size":1',
        '"batch_size":1.0',
      ) as never),
  },
  'strict/undefined-variable': {
    fail: (c) =>
      (pipeOf(c, 'all').source = {
        type: 'rest',
        system: '{{@ system @}}',
        operation: '{{@ datatype @}}-list',
        url: '{{@ account_id @}}/x',
      }),
    at: ['templates/order.json', '[0].source.url'],
    pass: (c) => (pipeOf(c, 'all').url = '{{@ account_id|default("") @}}{{@ service_url @}}'),
  },
  'strict/leaked-parameter': {
    fail: (c) => {
      c['manifest.json'].datatypes = {
        customer: { template: 'templates/customer.json', parameters: { path: 'c' } },
        order: { template: 'templates/order.json' },
      };
      c['templates/customer.json'] = [] as never;
      pipeOf(c, 'all').url = '{{@ path @}}';
    },
    at: ['manifest.json', 'datatypes.order'],
    pass: (c) => {
      c['manifest.json'].datatypes = {
        customer: { template: 'templates/customer.json', parameters: { path: 'c' } },
        order: { template: 'templates/order.json', parameters: { path: 'o' } },
      };
      c['templates/customer.json'] = [] as never;
      pipeOf(c, 'all').url = '{{@ path @}}';
    },
  },
  'strict/unknown-operation': {
    fail: (c) =>
      ((pipeOf(c, 'share').transform as Record<string, Record<string, unknown>>).properties.operation_delete =
        '{{@ datatype @}}-remove'),
    at: ['templates/order.json', '[2].transform.properties.operation_delete'],
    // An operation of a system that is not this connector's cannot be checked.
    pass: (c) => (pipeOf(c, 'all').source = { type: 'rest', system: 'other-system', operation: 'anything' }),
  },
  'strict/unknown-dataset': {
    fail: (c) =>
      (pipeOf(c, 'collect').source = {
        type: 'merge_datasets',
        datasets: ['{{@ system @}}-{{@ datatype @}}-all', '{{@ system @}}-{{@ datatype @}}-event2'],
      }),
    at: ['templates/order.json', '[1].source.datasets[1]'],
    pass: (c) => (pipeOf(c, 'collect').source = { type: 'dataset', dataset: '$ENV(shared_dataset)' }),
  },
  'strict/duplicate-id': {
    fail: (c) =>
      order(c).push({
        _id: '{{@ system @}}-{{@ datatype @}}-transform',
        type: 'pipe',
        source: { type: 'embedded' },
      }),
    at: ['templates/order.json', '[4]._id'],
  },
  'strict/secret-outside-system': {
    fail: (c) =>
      (pipeOf(c, 'all').source = {
        type: 'rest',
        system: '{{@ system @}}',
        operation: '{{@ datatype @}}-list',
        headers: { token: '$SECRET(api_key)' },
      }),
    at: ['templates/order.json', '[0].source.headers.token'],
  },
  'strict/share-batch-size': {
    fail: (c) =>
      (c['templates/order.json'] = JSON.stringify(order(c)).replace(
        '"batch_size":1',
        '"batch_size":1.0',
      ) as never),
    at: ['templates/order.json', '[2].batch_size'],
    // A share pipe that writes elsewhere (no REST) may batch.
    pass: (c) => {
      pipeOf(c, 'share').batch_size = 1000;
      pipeOf(c, 'share').transform = { type: 'dtl', rules: { default: [['copy', '*']] } };
      pipeOf(c, 'share').sink = { type: 'http_endpoint' };
    },
  },
  'strict/template-name': {
    fail: (c) => {
      c['manifest.json'].datatypes = { order: { template: 'templates/orders.json' } };
      c['templates/orders.json'] = c['templates/order.json'];
    },
    at: ['manifest.json', 'datatypes.order.template'],
    pass: (c) =>
      (c['manifest.json'].datatypes = {
        order: { template: 'templates/order.json' },
        invoice: { template: 'templates/order.json' },
      }),
  },
  'strict/datatype-name': {
    fail: (c) =>
      (c['manifest.json'].datatypes = {
        order: { template: 'templates/order.json' },
        'sales-order': { template: 'templates/order.json' },
      }),
    at: ['manifest.json', 'datatypes.sales-order'],
  },
  'strict/event-validation': {
    fail: (c) => delete (pipeOf(c, 'event').source as Record<string, unknown>).validation_expression,
    at: ['templates/order.json', '[3].source'],
    // Not open to anonymous writes: callers need a Sesam JWT.
    pass: (c) => {
      delete (pipeOf(c, 'event').source as Record<string, unknown>).validation_expression;
      delete c['manifest.json'].use_webhook_secret;
    },
  },
  'strict/comment-tag': {
    fail: (c) => (pipeOf(c, 'all').comment = 'see {# this #} note'),
    at: ['templates/order.json', '[0].comment'],
    pass: (c) => (pipeOf(c, 'all').comment = "see {{@ '{#' @}} this"),
  },
  'strict/sink-dataset': {
    fail: (c) => {
      c['manifest.json'].datatypes = {
        order: { template: 'templates/order.json' },
        invoice: { template: 'templates/invoice.json' },
      };
      c['templates/invoice.json'] = {
        _id: '{{@ system @}}-{{@ datatype @}}-collect',
        type: 'pipe',
        source: { type: 'embedded' },
        sink: { dataset: 'x' },
      } as never;
    },
    at: ['templates/invoice.json', 'sink.dataset'],
  },
};

describe('the clean fixture', () => {
  it('passes every rule', () => {
    expect(validate().findings).toEqual([]);
  });

  it('has a case for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

describe.each(Object.entries(CASES))('%s', (ruleId, { fail, at, pass }) => {
  const info = RULES.find((r) => r.id === ruleId)!;

  it('reports the failing fixture where to fix it, with a message and a hint', () => {
    const report = validate(fail);
    const found = report.findings.filter((f) => f.rule === ruleId);
    expect(found.map((f) => [f.file, f.jsonPath])).toContainEqual(at);
    for (const f of found) {
      expect(f.severity).toBe(info.severity);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.hint.length).toBeGreaterThan(5);
    }
    expect(report.ok).toBe(info.severity === 'warning' ? report.errorCount === 0 : false);
  });

  it('does not report the passing fixture', () => {
    expect(validate(pass).findings.filter((f) => f.rule === ruleId)).toEqual([]);
  });
});

describe('options and reporting', () => {
  it('--compat turns undefined variables into warnings', () => {
    const report = validate(CASES['strict/undefined-variable'].fail, { compat: true });
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['strict/undefined-variable', 'warning'],
    ]);
    expect(report.ok).toBe(true);
  });

  it('merges the same finding from a template reused by several datatypes', () => {
    const report = validate((c) => {
      c['manifest.json'].datatypes = {
        order: { template: 'templates/order.json' },
        invoice: { template: 'templates/order.json' },
      };
      c['templates/system.json'].operations = {};
    });
    const operations = report.findings.filter(
      (f) => f.rule === 'strict/unknown-operation' && f.jsonPath === '[0].source.operation',
    );
    expect(operations).toHaveLength(1);
    expect(operations[0].message).toMatch(
      /^pipe xxxxxx-order-all uses operation 'order-list'.*\(and 1 more from the same template\)$/,
    );
  });

  it('reports against the manifest for the -transform shim', () => {
    const report = validate(
      (c) => (c['templates/order.json'] = order(c).filter((p) => !String(p._id).endsWith('-collect'))),
    );
    expect(report.findings.find((f) => f.rule === 'strict/unknown-dataset')).toMatchObject({
      file: 'manifest.json',
      jsonPath: 'datatypes.order',
    });
  });

  it('suggests the datatype name without its delimiters', () => {
    const report = validate(CASES['strict/datatype-name'].fail);
    expect(report.findings.find((f) => f.rule === 'strict/datatype-name')?.hint).toBe(
      'use a lowercase name without delimiters, e.g. "salesorder"',
    );
  });
});
