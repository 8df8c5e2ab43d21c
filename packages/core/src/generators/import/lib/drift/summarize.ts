import type { ConnectorDescription, PatchDescription } from './describe-plan';

/** One change that patches make, counted across the folders given. */
export interface Deviation {
  /** e.g. `replace /source/dataset`. */
  readonly change: string;
  readonly datatypes: number;
  readonly connectors: number;
}

/** How well the pack describes one pipe role (or `system`, `manifest`) over the folders given. */
export interface RoleSummary {
  readonly role: string;
  /** Datatypes (connectors, for system and manifest) whose files hold this role, from a pattern or a patch. */
  readonly datatypes: number;
  /** Of those, how many need no patch for it. */
  readonly withoutPatch: number;
  /** The most common changes patches make to it, most frequent first. */
  readonly deviations: readonly Deviation[];
}

/** The raw datatypes, grouped by why they stay raw. */
export interface RawSummary {
  readonly datatypes: number;
  readonly reasons: readonly { readonly reason: string; readonly datatypes: number }[];
}

export interface DriftSummary {
  readonly roles: readonly RoleSummary[];
  readonly raw: RawSummary;
}

const TOP_DEVIATIONS = 5;

class RoleTally {
  datatypes = 0;
  withoutPatch = 0;
  readonly changes = new Map<string, { datatypes: number; connectors: Set<string> }>();

  count(connector: string, patch: PatchDescription | undefined): void {
    this.datatypes++;
    if (patch === undefined) {
      this.withoutPatch++;
      return;
    }
    for (const change of new Set(patch.changes)) {
      const entry = this.changes.get(change) ?? { datatypes: 0, connectors: new Set<string>() };
      entry.datatypes++;
      entry.connectors.add(connector);
      this.changes.set(change, entry);
    }
  }

  summary(role: string): RoleSummary {
    const deviations = [...this.changes]
      .map(([change, { datatypes, connectors }]) => ({ change, datatypes, connectors: connectors.size }))
      .sort(
        (a, b) => b.datatypes - a.datatypes || b.connectors - a.connectors || (a.change < b.change ? -1 : 1),
      )
      .slice(0, TOP_DEVIATIONS);
    return { role, datatypes: this.datatypes, withoutPatch: this.withoutPatch, deviations };
  }
}

/**
 * Per role, over every connector described: how many datatypes hold it, how many of them need no
 * patch for it, and the changes patches make most often (a datatype that reuses another's file is
 * counted with that file). Roles in order of how many datatypes hold them; system and manifest last.
 */
export function summarizeDrift(connectors: readonly ConnectorDescription[]): DriftSummary {
  const roles = new Map<string, RoleTally>();
  const tally = (role: string): RoleTally => {
    let entry = roles.get(role);
    if (entry === undefined) roles.set(role, (entry = new RoleTally()));
    return entry;
  };
  const reasons = new Map<string, number>();
  let raw = 0;
  for (const connector of connectors) {
    const byName = new Map(connector.datatypes.map((d) => [d.name, d]));
    for (const datatype of connector.datatypes) {
      if (datatype.pattern === 'raw') {
        raw++;
        const reason = datatype.rawReason ?? 'raw';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        continue;
      }
      const owner = datatype.reuse === undefined ? datatype : (byName.get(datatype.reuse) ?? datatype);
      for (const role of datatype.roles) {
        tally(role).count(
          connector.folder,
          owner.patches.find((patch) => patch.role === role),
        );
      }
    }
  }
  const system = new RoleTally();
  const manifest = new RoleTally();
  for (const connector of connectors) {
    if (connector.systemTemplate.rendered) system.count(connector.folder, connector.systemTemplate.patch);
    if (connector.manifest.generated) manifest.count(connector.folder, connector.manifest.patch);
  }
  const summaries = [...roles]
    .map(([role, entry]) => entry.summary(role))
    .sort((a, b) => b.datatypes - a.datatypes || (a.role < b.role ? -1 : 1));
  return {
    roles: [...summaries, system.summary('system'), manifest.summary('manifest')],
    raw: {
      datatypes: raw,
      reasons: [...reasons]
        .map(([reason, datatypes]) => ({ reason, datatypes }))
        .sort((a, b) => b.datatypes - a.datatypes),
    },
  };
}
