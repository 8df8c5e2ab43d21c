import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from '../../../test/connector-fixtures';
import { corpusPath, expandingFolders } from '../../../test/corpus';
import { validateConnector, type ValidationReport } from './validate';

const corpusRoot = corpusPath();
const expanding = expandingFolders();

describe('the validator on the corpus', () => {
  let reports: Map<string, ValidationReport>;
  beforeAll(() => {
    reports = new Map(expanding.map((folder) => [folder, validateConnector(path.join(corpusRoot, folder))]));
  });

  const failingSesamRules = (folder: string) => [
    ...new Set(
      reports
        .get(folder)!
        .findings.filter((f) => f.rule.startsWith('sesam/'))
        .map((f) => f.rule),
    ),
  ];

  it("passes sesam validate's rules on 96 of the 141 expandable connectors (../shared/docs/expand-reference.md §13.4)", () => {
    expect(expanding.filter((folder) => failingSesamRules(folder).length === 0)).toHaveLength(96);
  });

  it('fails them for the reasons §13.4 names', () => {
    expect(failingSesamRules('hubspot@main').sort()).toEqual([
      'sesam/collect-template',
      'sesam/share-batch-size',
      'sesam/template-sink',
    ]);
    expect(failingSesamRules('superoffice@main')).toEqual(['sesam/template-sink']);
    expect(failingSesamRules('superoffice@IS-14410')).toEqual(['sesam/template-sink']);
    expect(failingSesamRules('arrowxsp@main')).toEqual(['sesam/collect-exclude-completeness']);
  });

  it("reports the corpus' undefined variables that §3.4 lists", () => {
    const undefinedIn = (folder: string) =>
      reports
        .get(folder)!
        .findings.filter((f) => f.rule === 'strict/undefined-variable')
        .map((f) => `${f.file} ${f.message.split(' ')[0]}`);
    expect(undefinedIn('freshteam@main')).toEqual(["templates/system.json 'account_id'"]);
    expect(undefinedIn('crmoffice@main')).toContain("templates/system.json 'jwt'");
    expect(undefinedIn('exact@add-account-id')).toEqual(
      expect.arrayContaining(["templates/system.json 'account_id'", "templates/system.json 'base_url'"]),
    );
  });

  it('reports the pipes expand silently replaces (§7.5)', () => {
    const duplicates = expanding.filter((folder) =>
      reports.get(folder)!.findings.some((f) => f.rule === 'strict/duplicate-id'),
    );
    expect(duplicates).toEqual(['unieconomy@main', 'wikidata@main', 'wikidata@playground']);
  });
});

describe("the workspace's own connectors", () => {
  const connectors = path.join(WORKSPACE_ROOT, 'packages/connectors');
  const built = readdirSync(connectors).filter((system) =>
    existsSync(path.join(connectors, system, 'connector/manifest.json')),
  );

  /**
   * The rules a connector's README accepts: the backticked rule ids in its "Accepted validation
   * findings" section, each listed there with why (none: the connector must validate clean).
   */
  const acceptedRules = (system: string): string[] => {
    const readme = path.join(connectors, system, 'README.md');
    const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
    const section =
      /^## Accepted validation findings\n([\s\S]*?)(?=^## |<!-- generated:start|(?![\s\S]))/m.exec(text);
    return section ? [...section[1].matchAll(/`((?:sesam|strict)\/[a-z-]+)`/g)].map((m) => m[1]) : [];
  };

  it.each(built)(
    '%s validates clean, but for the findings its README accepts and explains',
    async (system) => {
      const report = validateConnector(path.join(connectors, system, 'connector'));
      const accepted = acceptedRules(system);
      expect(report.findings.filter((f) => !accepted.includes(f.rule))).toEqual([]);
      // An accepted rule that no longer fires is stale text in the README.
      expect(accepted.filter((rule) => !report.findings.some((f) => f.rule === rule))).toEqual([]);
    },
  );
});
