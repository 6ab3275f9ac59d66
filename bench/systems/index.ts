import { BeeQueueSystem } from "./beequeue.ts";
import { BullmqSystem } from "./bullmq.ts";
import { CeleritySystem } from "./celerity.ts";
import type { QueueSystem, SystemEnv, SystemName } from "./system.ts";

/** The adapter of one system. */
export function createSystem(name: SystemName, env: SystemEnv): QueueSystem {
  switch (name) {
    case "celerity":
      return new CeleritySystem(env);
    case "bullmq":
      return new BullmqSystem(env);
    case "bee-queue":
      return new BeeQueueSystem(env);
  }
}
