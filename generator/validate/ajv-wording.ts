import type { ErrorObject } from "ajv";

/** One ajv data-validation error as a sentence about the argument that failed (`"day" must match format "date"`). */
export function describeDataError(error: ErrorObject): string {
  const at = error.instancePath
    ? `"${error.instancePath.slice(1).replace(/~1/g, "/").replace(/~0/g, "~")}"`
    : "the args";
  switch (error.keyword) {
    case "required":
      return `missing required property "${String(error.params.missingProperty)}"`;
    case "additionalProperties":
      return `unknown property "${String(error.params.additionalProperty)}"`;
    case "enum":
      return `${at} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `${at} must be ${articled(String(error.params.type))}`;
    default:
      return `${at} ${error.message ?? "is invalid"}`;
  }
}

function articled(type: string): string {
  const words = type.split(",").map((word) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`));
  return words.join(" or ");
}
