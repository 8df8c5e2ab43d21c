import { spawn } from 'node:child_process';
import { parentPidFromStat, processTree, pssFromSmapsRollup, samplePeakMemory } from '../src/process-memory';

describe('parentPidFromStat', () => {
  it('reads the parent pid after the command name, even one with spaces and parentheses', () => {
    expect(parentPidFromStat('4242 (node) S 17 4242 17 0 -1 4194560')).toBe(17);
    expect(parentPidFromStat('99 (a (weird) name) R 1 99 99 0')).toBe(1);
  });

  it('refuses a line it cannot read', () => {
    expect(() => parentPidFromStat('garbage')).toThrow('unexpected /proc stat line');
  });
});

describe('processTree', () => {
  it('lists the root and all its descendants, and nothing else', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 11],
      [20, 1],
      [21, 20],
    ]);
    expect(processTree(parents, 10).sort()).toEqual([10, 11, 12, 13]);
    expect(processTree(parents, 21)).toEqual([21]);
  });
});

describe('pssFromSmapsRollup', () => {
  it('reads the Pss line in bytes (not Pss_Anon and friends)', () => {
    const text =
      '00400000-7ffd [rollup]\nRss:   40336 kB\nPss:   11713 kB\nPss_Dirty:  6328 kB\nPss_Anon:  6328 kB\n';
    expect(pssFromSmapsRollup(text)).toBe(11713 * 1024);
    expect(pssFromSmapsRollup('Rss: 1 kB\n')).toBe(0);
  });
});

describe('samplePeakMemory', () => {
  it('sees the memory of a child process of the sampled process', async () => {
    // A shell whose child node process holds ~150 MB for half a second.
    const script = 'const b = Buffer.alloc(150e6, 1); setTimeout(() => b.length, 600)';
    const shell = spawn('/bin/sh', ['-c', `"${process.execPath}" -e '${script}'; true`], { stdio: 'ignore' });
    const sampler = samplePeakMemory(shell.pid!, 20);
    await new Promise((resolve) => shell.on('close', resolve));
    const peak = sampler.stop();
    expect(peak.samples).toBeGreaterThan(3);
    expect(peak.peakProcesses).toBeGreaterThanOrEqual(2);
    expect(peak.peakProcessRss).toBeGreaterThan(150e6);
    expect(peak.peakTreeRss).toBeGreaterThanOrEqual(peak.peakProcessRss);
    expect(peak.peakTreePss).toBeGreaterThan(140e6);
  });
});
