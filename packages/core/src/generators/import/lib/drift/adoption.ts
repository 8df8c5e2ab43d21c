import type { LoadedTemplatePack } from '../../../../lib/render';
import { describePlan, type ConnectorDescription } from './describe-plan';
import { nodeConfigEquivalence } from './equivalence';
import { planFolder } from './plan-folder';

/** A folder the import refuses, or plans without an equivalent node config. */
export interface FolderProblem {
  readonly folder: string;
  readonly problem: string;
}

/** The adoption figures over a set of connector folders. */
export interface AdoptionFigures {
  readonly folders: number;
  /** Folders the import plans (the others are in `refused`). */
  readonly imported: number;
  readonly refused: readonly FolderProblem[];
  /** Imported connectors whose built node config equals the source's byte for byte. */
  readonly equivalent: number;
  readonly notEquivalent: readonly FolderProblem[];
  readonly datatypes: number;
  /** Datatypes on a pattern (not raw), reusing ones included. */
  readonly onPatterns: number;
  /** Datatypes on a pattern with no patch at all (their template file's). */
  readonly withoutPatch: number;
  /** connector.json plus raw/, minified, over every imported folder. */
  readonly authoredBytes: number;
  /** The sources' manifests and referenced templates, minified. */
  readonly sourceBytes: number;
}

/** The folder's description and whether its node config is equivalent; undefined when the import refuses it. */
export interface FolderAdoption {
  readonly folder: string;
  readonly description?: ConnectorDescription;
  readonly problem?: string;
  readonly difference?: string;
}

/** Plans, describes and proves every folder (in the order given); nothing is written. */
export function adoptFolders(
  folders: readonly { readonly dir: string; readonly shown: string }[],
  pack: LoadedTemplatePack,
  { prove = true }: { readonly prove?: boolean } = {},
): FolderAdoption[] {
  return folders.map(({ dir, shown }): FolderAdoption => {
    const plan = planFolder(dir, shown, pack);
    if (!plan.ok) return { folder: shown, problem: plan.problems.join(' ') };
    const description = describePlan(plan, pack);
    if (!prove) return { folder: shown, description };
    const equivalence = nodeConfigEquivalence(plan);
    return {
      folder: shown,
      description,
      ...(equivalence.equivalent ? {} : { difference: equivalence.difference }),
    };
  });
}

/** The figures over folders adopted with `prove` (equivalence is counted only where it was proven). */
export function adoptionFigures(adopted: readonly FolderAdoption[]): AdoptionFigures {
  const described = adopted.flatMap((a) => (a.description === undefined ? [] : [a.description]));
  const datatypes = described.flatMap((d) => d.datatypes.map((datatype) => ({ connector: d, datatype })));
  const patchFree = (connector: ConnectorDescription, name: string): boolean =>
    connector.datatypes.find((d) => d.name === name)?.patches.length === 0;
  return {
    folders: adopted.length,
    imported: described.length,
    refused: adopted.flatMap((a) =>
      a.problem === undefined ? [] : [{ folder: a.folder, problem: a.problem }],
    ),
    equivalent: adopted.filter((a) => a.description !== undefined && a.difference === undefined).length,
    notEquivalent: adopted.flatMap((a) =>
      a.difference === undefined ? [] : [{ folder: a.folder, problem: a.difference }],
    ),
    datatypes: datatypes.length,
    onPatterns: datatypes.filter(({ datatype }) => datatype.pattern !== 'raw').length,
    withoutPatch: datatypes.filter(
      ({ connector, datatype }) =>
        datatype.pattern !== 'raw' && patchFree(connector, datatype.reuse ?? datatype.name),
    ).length,
    authoredBytes: described.reduce((sum, d) => sum + d.authoredBytes, 0),
    sourceBytes: described.reduce((sum, d) => sum + d.sourceBytes, 0),
  };
}
