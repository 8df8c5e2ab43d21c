import { logger } from '@nx/devkit';
import { parseCommaList } from '../../shared/comma-list';
import { GeneratorError } from '../../shared/generator-error';
import type { AuthType } from '../../../lib/config/types';
import type { ConnectorGeneratorSchema } from '../schema';
import { AUTH_PRESETS } from './auth-presets';
import { urlOrigin } from './url-pattern';

/** The manifest `oauth2` block's content (copied as is into manifest.json: it is not expanded). */
export interface OAuth2Settings {
  loginUrl: string;
  tokenUrl: string;
  scopes: string[];
}

/** SuperOffice's own login service; its scopes are fixed. */
const SUPEROFFICE: OAuth2Settings = {
  loginUrl: 'https://online.superoffice.com/login/common/oauth/authorize',
  tokenUrl: 'https://online.superoffice.com/login/common/oauth/tokens',
  scopes: ['openid', 'api'],
};

const PLACEHOLDER_ORIGIN = 'https://login.example.com';

const fallbackSettings = (auth: AuthType, urlPattern: string): OAuth2Settings => {
  if (auth === 'superoffice-ticket') return SUPEROFFICE;
  const origin = urlOrigin(urlPattern) ?? PLACEHOLDER_ORIGIN;
  return { loginUrl: `${origin}/oauth/authorize`, tokenUrl: `${origin}/oauth/token`, scopes: [] };
};

const checkUrl = (option: string, value: string): string => {
  if (!/^https?:\/\/\S+$/.test(value)) {
    throw new GeneratorError(
      `${option}: "${value}" is not an http(s) URL (the manifest is not expanded, so no {{@ … @}}).`,
    );
  }
  return value;
};

/**
 * Login URL, token URL and scopes for the auth types that log in with OAuth2. Missing URLs are
 * derived from the API's host (or SuperOffice's login service), with a warning: they are guesses
 * the developer must check. For other auth types the options are an error, not silently dropped.
 */
export const normalizeOAuth2 = (
  schema: Pick<ConnectorGeneratorSchema, 'loginUrl' | 'tokenUrl' | 'scopes'>,
  auth: AuthType,
  urlPattern: string,
): OAuth2Settings | undefined => {
  const loginUrl = schema.loginUrl?.trim();
  const tokenUrl = schema.tokenUrl?.trim();
  const scopes = parseCommaList(schema.scopes);
  if (!AUTH_PRESETS[auth].usesOAuth2Urls) {
    const given = [
      loginUrl && '--loginUrl',
      tokenUrl && '--tokenUrl',
      scopes.length > 0 && '--scopes',
    ].filter(Boolean);
    if (given.length > 0) {
      throw new GeneratorError(
        `${given.join(', ')}: only the oauth2 and superoffice-ticket auth types log in with OAuth2; --auth is ${auth}.`,
      );
    }
    return undefined;
  }
  const fallback = fallbackSettings(auth, urlPattern);
  const settings: OAuth2Settings = {
    loginUrl: loginUrl ? checkUrl('--loginUrl', loginUrl) : fallback.loginUrl,
    tokenUrl: tokenUrl ? checkUrl('--tokenUrl', tokenUrl) : fallback.tokenUrl,
    scopes: scopes.length > 0 ? scopes : fallback.scopes,
  };
  if (auth === 'oauth2' && (!loginUrl || !tokenUrl)) {
    logger.warn(
      `No --loginUrl/--tokenUrl given: connector.json has auth.loginUrl ${settings.loginUrl} and ` +
        `auth.tokenUrl ${settings.tokenUrl}. Check them against the API's OAuth2 documentation.`,
    );
  }
  return settings;
};
