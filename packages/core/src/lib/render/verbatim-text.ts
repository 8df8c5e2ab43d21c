import { RawFileError, type ResolvedConnector } from '../config';

/** The text of a verbatim file the check read; a caller that built the connector without it gets this error. */
export function verbatimText(connector: ResolvedConnector, path: string): string {
  const text = connector.rawFiles.get(path);
  if (text === undefined)
    throw new RawFileError(`${path}: not given to the renderer (is it in the package folder?)`);
  return text;
}
