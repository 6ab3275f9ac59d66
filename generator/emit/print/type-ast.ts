/** A small TypeScript type syntax tree: what JSON Schemas turn into, before layout. */
export type TsType =
  /** A type written as is: `string`, `"en"`, `Record<string, never>`. */
  | { kind: "name"; text: string }
  | { kind: "union"; members: TsType[] }
  | { kind: "intersection"; members: TsType[] }
  | { kind: "array"; element: TsType }
  | { kind: "tuple"; elements: TsType[]; rest: TsType | null }
  | { kind: "object"; members: TsMember[]; index: TsType | null };

/** One property of an object type. */
export interface TsMember {
  key: string;
  optional: boolean;
  readonly?: boolean;
  type: TsType;
  /** Lines of the member's doc comment (empty for none). */
  doc: string[];
}

/** A type name or keyword. */
export function named(text: string): TsType {
  return { kind: "name", text };
}

/** No constraint: what a schema that says nothing becomes. */
export const UNKNOWN = named("unknown");
/** No value: `false` as a schema. */
export const NEVER = named("never");

/** A union, flattened, without duplicates; `unknown` absorbs everything, `never` drops out. */
export function unionOf(types: readonly TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  for (const type of types) {
    for (const member of type.kind === "union" ? type.members : [type]) {
      if (member.kind === "name" && member.text === "unknown") return UNKNOWN;
      if (member.kind === "name" && member.text === "never") continue;
      const key = JSON.stringify(member);
      if (seen.has(key)) continue;
      seen.add(key);
      flat.push(member);
    }
  }
  if (types.length === 0) return UNKNOWN;
  if (flat.length === 0) return NEVER;
  return flat.length === 1 ? flat[0]! : { kind: "union", members: flat };
}

/** An intersection, flattened; `unknown` parts add no constraint and drop out. */
export function intersectionOf(types: readonly TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  for (const type of types) {
    for (const member of type.kind === "intersection" ? type.members : [type]) {
      if (member.kind === "name" && member.text === "unknown") continue;
      const key = JSON.stringify(member);
      if (seen.has(key)) continue;
      seen.add(key);
      flat.push(member);
    }
  }
  if (flat.length === 0) return UNKNOWN;
  return flat.length === 1 ? flat[0]! : { kind: "intersection", members: flat };
}
