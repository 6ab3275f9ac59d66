/**
 * The in-memory broker: celerity's own Lua scripts run in a Lua VM (fengari) over an in-memory
 * store of the Redis commands they use, behind an ioredis-shaped connection. One process only;
 * for development, tests and the embedded demo.
 * @module
 */
export { MemoryConnection, MemoryPipeline } from "./connection.ts";
export { MemoryServer, type MemoryServerOptions } from "./server.ts";
export type { Clock } from "./store/store.ts";
export {
  assertMemoryOwner,
  connectMemory,
  createMemoryBroker,
  forgetMemoryBroker,
  isMemoryConnection,
  isMemoryUrl,
  MEMORY_URL,
  MemoryBrokerProcessError,
  memoryServerFor,
  refuseMemoryForProcess,
} from "./registry.ts";
