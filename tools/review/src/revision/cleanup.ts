/**
 * Undo steps registered while a run sets things up (worktrees, temporary folders), run last-in
 * first-out. Steps are synchronous so they can also run from a signal handler.
 */
export class Cleanup {
  private readonly steps: { label: string; run: () => void }[] = [];

  add(label: string, run: () => void): void {
    this.steps.push({ label, run });
  }

  /** Runs every step once, even when some fail; returns the failures as messages. */
  runAll(): string[] {
    const failures: string[] = [];
    while (this.steps.length) {
      const step = this.steps.pop()!;
      try {
        step.run();
      } catch (error) {
        failures.push(`${step.label}: ${(error as Error).message}`);
      }
    }
    return failures;
  }
}
