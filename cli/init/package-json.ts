import { InitError } from "./errors.ts";

/** What init does to package.json; `text` is null when nothing changes. */
export interface PackagePlan {
  text: string | null;
  /** What changes, one phrase each (`"type": "module"`, `script "worker"`). */
  changes: string[];
  /** What exists and is kept although it differs from what init would write. */
  kept: string[];
  /** The package name, for the manifest's `app`. */
  name: string | null;
}

/** What package.json must say for the scaffold: scripts by name, and the files a `"type"` change would affect. */
export interface PackageWants {
  scripts: Readonly<Record<string, string>>;
  /** Existing .js/.ts files of the project (see filesAffectedByType). */
  affectedByType: readonly string[];
}

function parsePackageJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InitError(
      "INIT_UNREADABLE",
      "package.json",
      `is not valid JSON (${(error as Error).message}); fix it and run init again`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new InitError("INIT_UNREADABLE", "package.json", "must hold a JSON object");
  return value as Record<string, unknown>;
}

/** Decides `"type"`: ES modules, because the generated worker uses top-level await and tsc emits what `"type"` says. */
function planType(pkg: Record<string, unknown>, affected: readonly string[]): string | null {
  const type = pkg["type"];
  if (type === "module") return null;
  if (type !== undefined && type !== "commonjs") {
    throw new InitError(
      "INIT_CONFLICT",
      "package.json",
      `"type" is ${JSON.stringify(type)}; it must be "module" or "commonjs"`,
    );
  }
  const was = type === undefined ? "not set (CommonJS)" : '"commonjs"';
  if (affected.length > 0) {
    const list = affected.slice(0, 5).join(", ") + (affected.length > 5 ? ", ..." : "");
    throw new InitError(
      "INIT_CONFLICT",
      "package.json",
      `"type" is ${was} and the project has files whose meaning "type": "module" would change (${list}). ` +
        `celerity's generated code is ES modules (the worker uses top-level await): set "type": "module" yourself once those files are ES modules, then run init again`,
    );
  }
  pkg["type"] = "module";
  return type === undefined ? '"type": "module"' : '"type": "module" instead of "commonjs"';
}

/** Plans package.json: `"type": "module"` and the scripts, never replacing a script the user has. */
export function planPackageJson(text: string, wants: PackageWants): PackagePlan {
  const pkg = parsePackageJson(text);
  if (
    pkg["scripts"] !== undefined &&
    (pkg["scripts"] === null || typeof pkg["scripts"] !== "object" || Array.isArray(pkg["scripts"]))
  ) {
    throw new InitError("INIT_UNREADABLE", "package.json", '"scripts" must be an object');
  }
  const changes: string[] = [];
  const kept: string[] = [];
  const typeChange = planType(pkg, wants.affectedByType);
  if (typeChange) changes.push(typeChange);
  const scripts = (pkg["scripts"] ?? {}) as Record<string, unknown>;
  const added: string[] = [];
  for (const [name, command] of Object.entries(wants.scripts)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added.push(name);
    } else if (scripts[name] !== command) {
      kept.push(`script "${name}" is ${JSON.stringify(scripts[name])}; celerity's would be ${JSON.stringify(command)}`);
    }
  }
  if (added.length > 0) {
    pkg["scripts"] = scripts;
    changes.push(`scripts ${added.join(", ")}`);
  }
  const name = typeof pkg["name"] === "string" ? pkg["name"] : null;
  if (changes.length === 0) return { text: null, changes, kept, name };
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  return {
    text: JSON.stringify(pkg, null, indent) + (text.endsWith("\n") || text === "" ? "\n" : ""),
    changes,
    kept,
    name,
  };
}
