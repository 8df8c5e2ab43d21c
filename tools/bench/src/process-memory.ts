import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak memory of a process and everything it starts (Nx forks task and plugin workers), read from
 * /proc (Linux) every few milliseconds. Two sums over the process tree per sample:
 * - RSS (resident set size) counts pages shared between processes (the node binary, Nx's native
 *   module) once per process: an upper bound of what the tree holds.
 * - PSS (proportional set size, /proc/<pid>/smaps_rollup) splits each shared page among the
 *   processes sharing it: the tree's fair share of physical memory, the figure compared with targets.
 * Processes that live shorter than the sampling interval can be missed.
 */
export interface PeakMemory {
  /** Highest sum of PSS over the process tree in one sample, bytes. */
  peakTreePss: number;
  /** Highest sum of RSS over the process tree in one sample, bytes. */
  peakTreeRss: number;
  /** Highest RSS of a single process of the tree, bytes. */
  peakProcessRss: number;
  /** Most processes seen in the tree at once. */
  peakProcesses: number;
  samples: number;
}

const PAGE_SIZE = 4096;

/** The parent pid from the text of /proc/<pid>/stat (`pid (comm) state ppid …`; comm may hold spaces and parentheses). */
export function parentPidFromStat(stat: string): number {
  const afterComm = stat.slice(stat.lastIndexOf(')') + 2);
  const ppid = Number(afterComm.split(' ')[1]);
  if (!Number.isInteger(ppid)) throw new Error(`unexpected /proc stat line: ${stat.slice(0, 80)}`);
  return ppid;
}

/** `root` and every pid below it in a pid → parent pid map. */
export function processTree(parents: ReadonlyMap<number, number>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list === undefined) children.set(ppid, [pid]);
    else list.push(pid);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

const readParents = (): Map<number, number> => {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), parentPidFromStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
};

const rssOf = (pid: number): number => {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
};

/** The `Pss:` line of /proc/<pid>/smaps_rollup, in bytes (0 when it cannot be read). */
export function pssFromSmapsRollup(text: string): number {
  const match = /^Pss:\s+(\d+) kB$/m.exec(text);
  return match === null ? 0 : Number(match[1]) * 1024;
}

const pssOf = (pid: number): number => {
  try {
    return pssFromSmapsRollup(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  } catch {
    return 0;
  }
};

/** Samples the tree under `pid` every `intervalMs` until `stop()` is called. */
export function samplePeakMemory(pid: number, intervalMs = 25): { stop: () => PeakMemory } {
  const peak: PeakMemory = {
    peakTreePss: 0,
    peakTreeRss: 0,
    peakProcessRss: 0,
    peakProcesses: 0,
    samples: 0,
  };
  const sample = () => {
    const tree = processTree(readParents(), pid);
    const sizes = tree.map(rssOf).filter((rss) => rss > 0);
    if (sizes.length === 0) return;
    peak.samples++;
    peak.peakTreePss = Math.max(
      peak.peakTreePss,
      tree.map(pssOf).reduce((a, b) => a + b, 0),
    );
    peak.peakTreeRss = Math.max(
      peak.peakTreeRss,
      sizes.reduce((a, b) => a + b, 0),
    );
    peak.peakProcessRss = Math.max(peak.peakProcessRss, ...sizes);
    peak.peakProcesses = Math.max(peak.peakProcesses, sizes.length);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { ...peak };
    },
  };
}
