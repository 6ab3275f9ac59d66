import { defineConfig } from "vitest/config";

// Vitest runs only the toolkit's Vitest examples; everything else is node:test (npm test).
export default defineConfig({
  test: {
    include: ["test/vitest/**/*.test.ts"],
  },
});
