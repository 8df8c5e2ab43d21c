import { ConnectorConfigError } from '../config/problems';
import { FolderLockedError } from '../fs';
import { RawFileError } from '../config/raw-files';
import { PatchApplyError, TemplatePackError, TemplateRenderError } from '../render';

/** The staged output failed the validator; the previous output is untouched. */
export class ConnectorValidationError extends Error {
  override readonly name = 'ConnectorValidationError';
  constructor(
    readonly connector: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${connector}: the rendered connector does not validate (previous output kept):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}

/** Errors caused by the user's input (connector.json, raw files, a pack template) or their situation (another build writing the output): show the message only. */
export const isUserError = (error: unknown): error is Error =>
  error instanceof ConnectorConfigError ||
  error instanceof TemplateRenderError ||
  error instanceof TemplatePackError ||
  error instanceof RawFileError ||
  error instanceof PatchApplyError ||
  error instanceof ConnectorValidationError ||
  error instanceof FolderLockedError;
