/**
 * A synthetic manifest of `count` tasks for the codegen timing: 20 dotted groups, argument schemas
 * of the shapes real manifests have (enums, bounds, nested objects, arrays, defaults), a mix of
 * per-task options, and a handler module exporting every handler.
 */
export function manifestFixture(count: number): { manifest: string; handlers: string } {
  const lines = [
    "version: 1",
    "app: codegen_bench",
    "defaults:",
    "  queue: default",
    "  result_expires: 1d",
    "  retry: standard",
    "retry_policies:",
    "  standard:",
    "    autoretry_for: [NetworkError, TimeoutError]",
    "    max_retries: 5",
    "    backoff: 1s",
    "    backoff_max: 10m",
    "    jitter: true",
    "tasks:",
  ];
  const exports: string[] = [];
  for (let n = 0; n < count; n++) {
    const group = `group${n % 20}`;
    const handler = `task${n}`;
    exports.push(
      `export async function ${handler}(args: unknown): Promise<unknown> {\n  return args === undefined ? null : { ok: true, id: "${n}" };\n}`,
    );
    lines.push(
      `  ${group}.${handler}:`,
      `    handler: ./handlers.ts#${handler}`,
      `    description: Synthetic task number ${n}.`,
      "    args:",
      "      type: object",
      "      required: [id]",
      "      additionalProperties: false",
      "      properties:",
      "        id: { type: integer, minimum: 1 }",
      "        locale: { type: string, enum: [en, de, fr], default: en }",
      "        tags: { type: array, items: { type: string, maxLength: 40 }, maxItems: 10 }",
      "        target:",
      "          type: object",
      "          required: [kind]",
      "          properties:",
      "            kind: { type: string, enum: [user, team] }",
      "            ref: { type: string, minLength: 1 }",
      "    result: { type: object, required: [ok], properties: { ok: { type: boolean }, id: { type: string } } }",
    );
    if (n % 3 === 0) lines.push(`    queue: q${n % 4}`);
    if (n % 5 === 0) lines.push(`    priority: ${n % 10}`);
    if (n % 7 === 0) lines.push("    time_limit: 30s");
    if (n % 11 === 0) lines.push("    rate_limit: 100/s");
    if (n % 13 === 0) lines.push("    retry: { policy: standard, max_retries: 8 }");
  }
  return { manifest: lines.join("\n") + "\n", handlers: exports.join("\n\n") + "\n" };
}
