/**
 * Reading Nx's `--output-style=static` log: each task's output follows a `> nx run <project>:<target>`
 * line, up to the next task or Nx's closing banner. Pure functions over the log text.
 */

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const TASK_HEADER = /^> nx run (\S+?:[^\s:]+)(?::\S+)?(?:\s|$)/;
/** Nx's closing banner ("Successfully ran target …", "Running target … failed"); tasks print "NX" errors too. */
const NX_CLOSING_BANNER =
  /^\s*NX\s{2,}(Successfully ran targets?\b|Ran targets?\b|Running targets? .* failed\s*$)/;

/** Lines of the log without colour codes and carriage returns. */
export const cleanLog = (log: string): string[] => log.replace(ANSI, '').replace(/\r/g, '').split('\n');

/** Each task's output by `project:target`, in the order they ran. */
export const taskOutputs = (log: string): Map<string, string> => {
  const blocks = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of cleanLog(log)) {
    const header = TASK_HEADER.exec(line);
    if (header) {
      current = [];
      blocks.set(header[1], current);
    } else if (NX_CLOSING_BANNER.test(line)) {
      current = undefined;
    } else {
      current?.push(line);
    }
  }
  return new Map([...blocks].map(([task, lines]) => [task, trimBlankLines(lines).join('\n')]));
};

/** The last `count` non-blank lines of the log, for failures that happened outside any task. */
export const logTail = (log: string, count = 40): string =>
  trimBlankLines(cleanLog(log))
    .filter((line, i, lines) => line.trim() !== '' || lines[i - 1]?.trim() !== '')
    .slice(-count)
    .join('\n');

/**
 * What to show for a failed task: its own output when the log has it, otherwise the end of the
 * whole log (Nx failed before running tasks, e.g. a plugin that does not load).
 */
export const taskError = (log: string, task: string): string => {
  const own = taskOutputs(log).get(task);
  return own !== undefined && own.trim() !== '' ? own : logTail(log);
};

const trimBlankLines = (lines: string[]): string[] => {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
};

/** The tasks Nx lists under "Failed tasks:" at the end of a run (`project:target`). */
export const failedTasks = (log: string): Set<string> => {
  const failed = new Set<string>();
  let inList = false;
  for (const line of cleanLog(log)) {
    if (/^\s*Failed tasks:\s*$/.test(line)) inList = true;
    else if (inList) {
      const item = /^\s*-\s+(\S+?:[^\s:]+)/.exec(line);
      if (item) failed.add(item[1]);
      else if (line.trim() !== '') inList = false;
    }
  }
  return failed;
};
