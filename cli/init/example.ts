/** The files `celerity init` writes: an example manifest, its handler, a client script, and a tsconfig when there is none. */

/** Where the example files go, relative to the project directory. */
export const EXAMPLE_PATHS = { manifest: "tasks.yaml", handler: "handlers/hello.ts", client: "client.ts" } as const;

/** The example manifest: one task with an args and a result schema. */
export function exampleManifest(app: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# The tasks of this app: \`npx celerity codegen\` turns this file into generated/.
version: 1
app: ${app}

tasks:
  hello.greet:
    handler: ./handlers/hello.ts#greet
    description: Greet someone by name.
    args:
      type: object
      required: [name]
      additionalProperties: false
      properties:
        name: { type: string }
    result:
      type: object
      required: [greeting]
      properties:
        greeting: { type: string }
`;
}

/**
 * The example handler. It imports \`../generated/define.js\`: the \`.js\` form resolves to the \`.ts\`
 * file under tsc (NodeNext or bundler resolution) and under tsx, and is what node runs after tsc.
 * No Node APIs, so it compiles where \`"types": []\` leaves out @types/node.
 */
export const EXAMPLE_HANDLER = `import { defineHandler } from "../generated/define.js";

/** Greets \`name\`: the example task of tasks.yaml. Its types come from the manifest's schemas. */
export const greet = defineHandler("hello.greet", ({ name }, ctx) => {
  ctx.log.info("greeting", { name });
  return { greeting: \`Hello, \${name}!\` };
});
`;

/** The example client: sends the example task and prints its result (\`node client.js\` after \`npx tsc\`). */
export const EXAMPLE_CLIENT = `import { createClient } from "./generated/client.js";

// Connects to REDIS_URL (default redis://127.0.0.1:6379/0), sends one task and waits for its result.
const tasks = createClient();
try {
  const result = await tasks.hello.greet.delay({ name: "world" });
  console.log(await result.get({ timeout: "10s" }));
} finally {
  await tasks.$disconnect();
}
`;

/** The tsconfig.json written when the project has none: what the generated code and \`node\` on tsc's output need. */
export const TSCONFIG = `{
  "compilerOptions": {
    "module": "nodenext",
    "target": "es2022",
    "strict": true,
    "verbatimModuleSyntax": true,
    "isolatedModules": true,
    "skipLibCheck": true
  }
}
`;
