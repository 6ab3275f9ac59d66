import { defineHandler } from "../generated/define.ts";

/** a + b. */
export const add = defineHandler("math.add", ({ a, b }) => a + b);
