import { readFileSync } from "node:fs";
import Handlebars from "handlebars";

/** The emitted files' templates, by file name under generator/templates (without `.hbs`). */
export type TemplateName =
  | "types.ts"
  | "validators.ts"
  | "registry.ts"
  | "client.ts"
  | "define.ts"
  | "dispatch.ts"
  | "worker.ts"
  | "beat.ts"
  | "testing.ts";

const handlebars = Handlebars.create();
// `json` writes a value as a JS/TS literal; prettier reformats it into the file's style afterwards.
handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));

const cache = new Map<TemplateName, HandlebarsTemplateDelegate>();

/**
 * Renders a template with `data`. Templates are compiled once per process; `noEscape` because the
 * output is code, not HTML, and `strict` so a misspelt field fails loudly instead of printing nothing.
 */
export function renderTemplate(name: TemplateName, data: object): string {
  let template = cache.get(name);
  if (!template) {
    const source = readFileSync(new URL(`../templates/${name}.hbs`, import.meta.url), "utf8");
    template = handlebars.compile(source, { noEscape: true, strict: true });
    cache.set(name, template);
  }
  return template(data);
}
