import { z } from "zod";

// Response pieces several areas share. Timestamps are the ISO strings lib/server formats.

export const isoDateTime = z.iso.datetime();

export const engineSchema = z.object({ name: z.string(), version: z.string().nullable() });

/** A revision's author; null for ingests and imports without a user. */
export const authorSchema = z.object({ email: z.string(), name: z.string() }).nullable();

/** One word-diff part (lib/text/diff.ts): unchanged, added or removed text. */
export const changeSchema = z.object({
  value: z.string(),
  added: z.literal(true).optional(),
  removed: z.literal(true).optional(),
});

/** A keyset page: pass `nextCursor` as `cursor` for the next one; null on the last page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The two answers of an idempotent write: 201 when it changed something, 200 when not. */
export const createdOrUnchanged = <S extends z.ZodType>(
  schema: S,
  created = "Created",
  unchanged = "Nothing changed",
) =>
  [
    { status: 201, description: created, schema },
    { status: 200, description: unchanged, schema },
  ] as const;
