import type { ExecutorContext } from '@nx/devkit';

// Placeholder until the build engine lands.
export default async function buildExecutor(_options: Record<string, never>, _context: ExecutorContext) {
  return { success: true };
}
