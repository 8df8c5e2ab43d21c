import { minimalConnector } from '../../../test/connector-fixtures';
import { checkConnectorConfig } from '../config/load';
import { memorySource } from '../expand';
import { parseJson } from '../json';
import { loadTemplatePack, renderConnectorFiles } from '../render';
import { validateSource } from './validate';

const PACK = loadTemplatePack();

/** The validator's findings on what the pack renders for the minimal connector with these order options. */
function findingsFor(orderOptions: Record<string, unknown>, useWebhookSecret: boolean) {
  const connector = minimalConnector();
  connector['datatypes']['order'].options = orderOptions;
  if (useWebhookSecret) connector['manifest'].use_webhook_secret = true;
  const { connector: checked } = checkConnectorConfig(parseJson(JSON.stringify(connector)), {
    file: 'connector.json',
    folder: 'acme',
    fileExists: () => false,
  });
  const files = renderConnectorFiles(checked, PACK);
  return validateSource(memorySource(Object.fromEntries(files), 'acme')).findings;
}

const receiverFindings = (orderOptions: Record<string, unknown>, useWebhookSecret = true) =>
  findingsFor(orderOptions, useWebhookSecret)
    .filter((f) => f.rule === 'strict/event-validation')
    .map((f) => [f.severity, f.file, f.jsonPath, f.message]);

describe('a webhook receiver rendered without a validation expression', () => {
  it('is reported as open to anyone when use_webhook_secret lets anonymous callers write', () => {
    expect(receiverFindings({ validationExpression: false })).toEqual([
      [
        'error',
        'templates/order.json',
        expect.stringContaining('source'),
        expect.stringMatching(
          /accepts anonymous writes .*no validation_expression, so anyone can post entities/,
        ),
      ],
    ]);
  });

  it('is not reported with the default (shared-secret) validation expression', () => {
    expect(receiverFindings({})).toEqual([]);
  });

  it('is not reported when the node does not open it to anonymous writes (callers need a Sesam JWT)', () => {
    expect(receiverFindings({ validationExpression: false }, false)).toEqual([]);
  });
});
