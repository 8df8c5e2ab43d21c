/**
 * Where a task reports, one line (or block) at a time: Nx's `logger` in the executors, a recorder
 * in tests and in the batch build (which hands each task's lines to Nx as that task's output).
 * The one logger interface of the engine and the executors (no imports: cheap).
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
