/** The broker: every state change of a task is one Lua script call declaring all its keys. */
export { enqueueBatch, type EnqueueItem, type EnqueueOptions } from "./enqueue.ts";
export type { Claimed, ClaimRequest, ClaimResult } from "./claim.ts";
export { startClaimed, type StartedRecord, type SkippedRecord, type StartOptions } from "./start.ts";
export type { Outcome } from "./finish.ts";
export { claim, finish, finishAndClaim } from "./settle.ts";
export { renewLeases } from "./leases.ts";
export { revokeTask } from "./revoke.ts";
export { takeRateToken } from "./rate-limit.ts";
export type { BrokerConn } from "./conn.ts";
export { scripts } from "./scripts.ts";
