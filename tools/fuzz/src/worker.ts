/**
 * The fuzzer's worker process: runs the cases its parent sends, one at a time, and answers each
 * with its outcome. A case that hangs or exhausts memory takes this process down, not the run: the
 * parent kills it after the time limit and starts another.
 */
import { REAL_ENGINE, runCase, type FuzzEngine } from './run-case';

export interface CaseMessage {
  readonly index: number;
  readonly folder: string;
  readonly files: ReadonlyMap<string, Buffer>;
}

const engineModule = process.argv[2];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine: FuzzEngine = engineModule
  ? (require(engineModule) as { engine: FuzzEngine }).engine
  : REAL_ENGINE;

process.on('message', (message: CaseMessage) => {
  runCase(message.folder, message.files, engine).then(
    (outcome) => process.send!({ index: message.index, outcome }),
    (error: unknown) =>
      process.send!({
        index: message.index,
        outcome: { kind: 'crash', stage: 'build', message: `fuzz harness: ${String(error)}` },
      }),
  );
});
process.send!({ ready: true });
