export { createTaskTree, type ClientControls, type ClientOptions } from "./task-tree.ts";
export { TaskArgumentsTooLargeError, type ArgsLimits } from "./limits.ts";
