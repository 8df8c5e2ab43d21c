import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { drive } from './support/drive';

// Runs only when SESAM_CLI points at a real sesam-py binary; skipped otherwise (CI has none).
// Needs the built Shopify connector: `npx nx run shopify-connector:build` first.
const SHOPIFY_CONNECTOR = resolve(__dirname, '../../connectors/shopify/connector');
const describeWithRealSesam = process.env['SESAM_CLI'] ? describe : describe.skip;

describeWithRealSesam(
  'real sesam CLI (only when SESAM_CLI is set): sesam validate on the built Shopify connector',
  () => {
    it('validates packages/connectors/shopify/connector with exit code 0', () => {
      if (!existsSync(resolve(SHOPIFY_CONNECTOR, 'manifest.json'))) {
        throw new Error(
          `${SHOPIFY_CONNECTOR}/manifest.json is missing: run \`npx nx run shopify-connector:build\` first.`,
        );
      }
      const out = drive('real-validate', { DRIVER_CWD: SHOPIFY_CONNECTOR });
      expect(out.unexpected).toBeUndefined();
      expect(out.error).toBeUndefined();
      expect(out.result).toMatchObject({ exitCode: 0 });
    });
  },
);
