import { linkKey, refKey, type ConnectorFlow, type FlowLink, type FlowPipe, type FlowStatus } from './model';

const status = (before: boolean, after: boolean, same: boolean): FlowStatus | undefined =>
  !before ? 'added' : !after ? 'removed' : same ? undefined : 'changed';

/**
 * One flow holding both sides, each pipe and link marked `added`, `removed` or `changed` (a pipe whose
 * JSON differs, a link whose operations differ), and each datatype that has any of them (or was
 * added or removed) in `datatypeStatus`. A side that is absent (the connector is new, or gone) counts
 * as an empty flow. Pure.
 */
export function diffFlows(base: ConnectorFlow | undefined, head: ConnectorFlow | undefined): ConnectorFlow {
  const shape = head ?? base;
  if (!shape) throw new TypeError('diffFlows needs at least one side');
  const basePipes = new Map((base?.pipes ?? []).map((p) => [p.id, p]));
  const headPipes = new Map((head?.pipes ?? []).map((p) => [p.id, p]));
  const pipes: FlowPipe[] = [];
  for (const pipe of [...(head?.pipes ?? []), ...(base?.pipes ?? []).filter((p) => !headPipes.has(p.id))]) {
    const before = basePipes.get(pipe.id);
    const after = headPipes.get(pipe.id);
    const mark = status(before !== undefined, after !== undefined, before?.text === after?.text);
    pipes.push(mark ? { ...pipe, status: mark } : pipe);
  }

  const baseLinks = new Map((base?.links ?? []).map((l) => [linkKey(l), l]));
  const headLinks = new Map((head?.links ?? []).map((l) => [linkKey(l), l]));
  const links: FlowLink[] = [];
  for (const [key, link] of [...headLinks, ...[...baseLinks].filter(([k]) => !headLinks.has(k))]) {
    const before = baseLinks.get(key);
    const after = headLinks.get(key);
    const same = before?.operations.join('\0') === after?.operations.join('\0');
    const mark = status(before !== undefined, after !== undefined, same);
    links.push(mark ? { ...link, status: mark } : link);
  }

  const datatypes = [...new Set([...(head?.datatypes ?? []), ...(base?.datatypes ?? [])])];
  const datatypeOf = new Map(pipes.map((p) => [refKey({ kind: 'pipe', id: p.id }), p.datatype]));
  const touched = new Set<string>();
  for (const pipe of pipes) if (pipe.status && pipe.datatype) touched.add(pipe.datatype);
  for (const link of links) {
    if (!link.status) continue;
    for (const end of [link.from, link.to]) {
      const datatype = datatypeOf.get(refKey(end));
      if (datatype) touched.add(datatype);
    }
  }
  const datatypeStatus = new Map<string, FlowStatus>();
  for (const datatype of datatypes) {
    const mark = status(
      base?.datatypes.includes(datatype) ?? false,
      head?.datatypes.includes(datatype) ?? false,
      !touched.has(datatype),
    );
    if (mark) datatypeStatus.set(datatype, mark);
  }

  const systems = new Map([...(base?.systems ?? []), ...(head?.systems ?? [])].map((s) => [s.id, s]));
  return {
    label: shape.label,
    placeholder: shape.placeholder,
    datatypes,
    systems: [...systems.values()],
    pipes,
    links,
    datatypeStatus,
  };
}
