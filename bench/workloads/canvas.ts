import { WorkerProcess } from "../child/worker-process.ts";
import type { SystemWorkload } from "./workload.ts";

/**
 * Chords and chains next to BullMQ flows, one worker process: a chord of `chordHeaders` header
 * tasks (time from the last header's finish to the callback's start, and in total), then a chain
 * of `chainSteps` steps (time per step, send to result); for celerity also the Redis bytes a
 * finished task's record saves under ignore_result. Bee-Queue has no flows.
 */
export const canvas: SystemWorkload = {
  kind: "system",
  name: "canvas",
  title: "Canvas: chord and chain (BullMQ flows)",
  async run({ system, sizes }) {
    const flows = system.flows;
    if (!flows) throw new Error(`${system.name} has no chords or chains (flows)`);
    const worker = new WorkerProcess(system.workerCommand(sizes.concurrency));
    try {
      await worker.ready;
      // One small warm-up of each, so the first figures do not include script loading.
      await flows.chord(10);
      await flows.chain(2);
      const chord = await flows.chord(sizes.chordHeaders);
      const chain = await flows.chain(sizes.chainSteps);
      const chainMs = chain.doneAt - chain.sentAt;
      // celerity only: BullMQ keeps a return value unless the whole job is removed.
      const saving: Record<string, number> = flows.ignoreResultSaving
        ? { ignoreResultSavedBytes: await flows.ignoreResultSaving(1000) }
        : {};
      return {
        chordCallbackMs: chord.callbackStartAt! - chord.lastHeaderAt!,
        chordTotalMs: chord.doneAt - chord.sentAt,
        chainStepMs: chainMs / sizes.chainSteps,
        chainTotalMs: chainMs,
        ...saving,
      };
    } finally {
      await worker.stop();
    }
  },
};
