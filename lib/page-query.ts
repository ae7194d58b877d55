import type { z } from "zod";
import { issuesMessage } from "@/lib/validation/issues";

// Filter forms on list pages submit GET query strings. These helpers give every
// page the same rules: empty and repeated values are dropped, bad filters are
// ignored (with the reason shown) rather than failing the page, paging links keep
// the filters.
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function readFilters(searchParams: SearchParams): Promise<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(await searchParams).filter(
      (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
    ),
  );
}

/** The parsed query, or the schema's defaults with the problems listed. */
export function parseFilters<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  fallback: Record<string, unknown> = {},
): { query: z.infer<S>; problems: string | null } {
  // PostgreSQL text cannot hold NUL: such a filter is dropped and named, like any bad one.
  const nul = Object.keys(raw).filter(
    (k) => typeof raw[k] === "string" && (raw[k] as string).includes("\u0000"),
  );
  const clean = Object.fromEntries(Object.entries(raw).filter(([k]) => !nul.includes(k)));
  const nulProblems = nul.map((k) => `${k}: must not contain NUL characters`);
  const parsed = schema.safeParse(clean);
  if (parsed.success)
    return { query: parsed.data, problems: nulProblems.length ? nulProblems.join("; ") : null };
  return {
    query: schema.parse(fallback),
    problems: [...nulProblems, issuesMessage(parsed.error.issues)].join("; "),
  };
}

/** A link to `path` with the current filters, without the paging cursor, plus `extra`. */
export function linkKeepingFilters(
  path: string,
  raw: Record<string, string>,
  extra: Record<string, string> = {},
): string {
  const p = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "cursor"));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `${path}?${p.toString()}`;
}
