// The manifest's `queues:` section (and defaults.shards): what codegen puts in the registry, and the
// errors for counts out of range or a misspelt key.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatIssues, generate, ManifestError } from "../generator/mod.ts";
import { tempDir, writeTree } from "./generator-helpers.ts";

const HANDLERS = {
  "handlers/emails.ts": "export const sendWelcome = async () => ({});\nexport function notify() {}\n",
};
const TASKS = `tasks:
  emails.send_welcome:
    handler: ./handlers/emails.ts#sendWelcome
    queue: emails
  emails.notify:
    handler: ./handlers/emails.ts#notify
`;

async function codegen(manifest: string): Promise<{ registry?: string; errors?: string }> {
  const { dir, cleanup } = await tempDir("shards");
  try {
    await writeTree(dir, { ...HANDLERS, "tasks.yaml": manifest });
    const { files } = await generate("tasks.yaml", "generated", { cwd: dir });
    return { registry: files.find((f) => f.name === "registry.ts")?.contents };
  } catch (error) {
    if (error instanceof ManifestError) return { errors: formatIssues(error.issues, error.text) };
    throw error;
  } finally {
    await cleanup();
  }
}

test("queues.<name>.shards and defaults.shards reach the registry; counts equal to the default are left out", async () => {
  const { registry, errors } = await codegen(`version: 1
app: demo
defaults:
  shards: 2
queues:
  emails: { shards: 8 }
  bulk: { shards: 2 }
${TASKS}`);
  assert.equal(errors, undefined);
  assert.match(
    registry!,
    /queues: \["bulk", "default", "emails"\],/,
    "a queue named only under queues: is a queue of the app",
  );
  assert.match(registry!, /shards: \{ emails: 8 \},/);
  assert.match(registry!, /defaultShards: 2,/);
});

test("without shards the registry is what it always was", async () => {
  const { registry } = await codegen(`version: 1\napp: demo\n${TASKS}`);
  assert.doesNotMatch(registry!, /shards/i);
});

test("a shard count out of range and a misspelt queue setting are errors with their position", async () => {
  const { errors } = await codegen(`version: 1
app: demo
queues:
  emails: { shards: 0 }
  bulk: { shard: 3 }
${TASKS}`);
  assert.equal(
    errors,
    `tasks.yaml:4:21 error: shard count 0 is out of range
  2 | app: demo
  3 | queues:
> 4 |   emails: { shards: 0 }
    |                     ^
  expected: a whole number of shards from 1 to 1024

tasks.yaml:5:11 error: unknown key "shard" in "bulk"
  3 | queues:
  4 |   emails: { shards: 0 }
> 5 |   bulk: { shard: 3 }
    |           ^^^^^
  expected: one of shards
  did you mean "shards"?

2 errors
`,
  );
});
