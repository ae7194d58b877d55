import { z } from "zod";
import { DATE_RANGE_MESSAGE, httpUrl, safeText, saneDateString } from "@/lib/validation/common";

// The descriptive fields an article brings from its outlet: where it appeared, who wrote
// it, when. This is their one definition. Ingest (API, bulk NDJSON, CLI), the stored
// columns, the article detail API, and the Galley JSON export/import all take them from
// here, so a new such field is its column (prisma/schema.prisma + a migration) and one
// entry below. The public reading page shows only what it chooses to (public-articles.ts).

type FieldKind = "text" | "date";

interface FieldSpec {
  kind: FieldKind;
  /** How ingest validates it (the value is optional there). */
  input: z.ZodType<string>;
  description: string;
  /**
   * Part of the content hash even when empty. True only for the fields hashed as `null`
   * since the first release: a field added later is hashed only when set, so articles
   * stored before it existed keep their hash and re-sending them stays idempotent.
   */
  hashedWhenEmpty?: true;
}

const isoDateOrDateTime = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
  .or(z.iso.date())
  .refine(saneDateString, DATE_RANGE_MESSAGE);

export const METADATA_FIELDS = {
  url: {
    kind: "text",
    input: httpUrl,
    description: "The article's address on the outlet's site",
    hashedWhenEmpty: true,
  },
  byline: {
    kind: "text",
    input: safeText(500),
    description: "Author(s) as the outlet credits them",
    hashedWhenEmpty: true,
  },
  publishedAt: {
    kind: "date",
    input: isoDateOrDateTime,
    description: "ISO 8601, when the outlet published it",
    hashedWhenEmpty: true,
  },
} as const satisfies Record<string, FieldSpec>;

type Fields = typeof METADATA_FIELDS;
type Key = keyof Fields;
const KEYS = Object.keys(METADATA_FIELDS) as Key[];

/** Metadata on the wire (JSON): every field present, null when unknown; dates as ISO strings. */
export type ArticleMetadata = { [K in Key]: string | null };

/** Metadata as stored: dates as Date. */
export type MetadataColumns = {
  [K in Key]: Fields[K]["kind"] extends "date" ? Date | null : string | null;
};

function shape<T extends z.ZodType>(make: (spec: FieldSpec) => T): { [K in Key]: T } {
  return Object.fromEntries(KEYS.map((k) => [k, make(METADATA_FIELDS[k])])) as { [K in Key]: T };
}

/** For ingest schemas: each field optional. */
export const metadataInputShape = shape((f) =>
  f.input.optional().meta({ description: f.description }),
);

/** For response schemas: each field present, null when unknown. */
export const metadataResponseShape = shape((f) =>
  z.string().nullable().meta({ description: f.description }),
);

/** For the Galley JSON interchange document: validated like ingest, null when unknown. */
export const metadataDocumentShape = shape((f) =>
  f.input.nullable().meta({ description: f.description }),
);

/** From validated input (absent → null). Dates are normalised to full ISO date-times. */
export function metadataFromInput(input: { [K in Key]?: string | null }): ArticleMetadata {
  return Object.fromEntries(
    KEYS.map((k) => {
      const v = input[k] ?? null;
      return [k, v !== null && METADATA_FIELDS[k].kind === "date" ? new Date(v).toISOString() : v];
    }),
  ) as ArticleMetadata;
}

/** What the content hash covers (see `hashedWhenEmpty`). */
export function hashedMetadata(m: ArticleMetadata): Partial<ArticleMetadata> {
  return Object.fromEntries(
    KEYS.filter((k) => m[k] !== null || "hashedWhenEmpty" in METADATA_FIELDS[k]).map((k) => [
      k,
      m[k],
    ]),
  );
}

export function metadataColumns(m: ArticleMetadata): MetadataColumns {
  return Object.fromEntries(
    KEYS.map((k) => {
      const v = m[k];
      return [k, v !== null && METADATA_FIELDS[k].kind === "date" ? new Date(v) : v];
    }),
  ) as MetadataColumns;
}

export function metadataFromColumns(row: MetadataColumns): ArticleMetadata {
  return Object.fromEntries(
    KEYS.map((k) => {
      const v: Date | string | null = row[k];
      return [k, v instanceof Date ? v.toISOString() : v];
    }),
  ) as ArticleMetadata;
}
