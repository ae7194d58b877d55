import { z } from "zod";
import { DATE_RANGE_MESSAGE, limitParam, saneDateString } from "@/lib/validation/common";

// Empty form fields (`actor=`) mean "no filter", not a validation error.
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const text = (max: number) => blankIsAbsent(z.string().trim().min(1).max(max));

// A date alone means the whole day: `from` starts at its midnight UTC and `to`
// ends at the next midnight, so from=to=2026-11-13 lists that day.
const dayOrInstant = (endOfDay: boolean) =>
  blankIsAbsent(
    z.iso
      .date("must be a date YYYY-MM-DD")
      .or(z.iso.datetime({ offset: true }))
      .refine(saneDateString, DATE_RANGE_MESSAGE)
      .transform((s) => {
        const d = new Date(s);
        if (endOfDay && s.length === 10) d.setUTCDate(d.getUTCDate() + 1);
        return d;
      }),
  );

const MAX_INT8 = 9_223_372_036_854_775_807n;

export const auditFilterSchema = z.object({
  actor: text(320),
  action: text(100),
  entityType: text(50),
  entityId: text(200),
  /** Events about an article: on it, or on its feedback and annotations. */
  articleId: text(64),
  from: dayOrInstant(false),
  to: dayOrInstant(true),
});

export const auditQuerySchema = auditFilterSchema.extend({
  limit: limitParam,
  cursor: blankIsAbsent(
    z
      .string()
      .regex(/^\d{1,19}$/, "must be an event id")
      .transform((s) => BigInt(s))
      .refine((n) => n <= MAX_INT8, "must be an event id"),
  ),
  /** Without format: one page of JSON. With it: a streamed export of every match. */
  format: blankIsAbsent(z.enum(["csv", "json", "ndjson"])),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
