import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Vitest runs only the toolkit's Vitest examples; everything else is node:test (npm test). Inside
// the repository the package's own entries resolve to the sources (there is no build step).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^celerity\/testing$/, replacement: source("./runtime/testing/mod.ts") },
      { find: /^celerity(\/runtime)?$/, replacement: source("./runtime/mod.ts") },
    ],
  },
  test: {
    include: ["test/vitest/**/*.test.ts"],
  },
});
