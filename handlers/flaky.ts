import { defineHandler } from "../generated/define.ts";

/** The error the `quick` retry policy retries automatically. */
export class FlakyError extends Error {
  override name = "FlakyError";
}

/** Throws FlakyError on its first `failTimes` runs, then reports how many runs it took. */
export const fetchFlaky = defineHandler("flaky.fetch", ({ failTimes }, ctx) => {
  if (ctx.retries < failTimes) {
    throw new FlakyError(`simulated failure ${ctx.retries + 1} of ${failTimes}`);
  }
  return { attempts: ctx.retries + 1 };
});
