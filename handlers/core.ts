import { defineHandler } from "../generated/define.ts";

/** Answers "pong": beat's heartbeat entry shows the whole pipeline is alive. */
export const ping = defineHandler("core.ping", () => "pong" as const);
