import { z } from "zod";

// PostgreSQL text cannot hold U+0000, so NUL is refused at the boundary with a
// clear message instead of failing deep in the driver.
export const safeText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

export const langTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "must be a BCP 47 language tag such as ko or en");

export const cuidParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, "is not a valid id");

export const positiveInt = z.coerce.number().int().positive().max(2_147_483_647);

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);

/** A web address: http or https only (never javascript:, data: or file:). */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000, "must be at most 2000 characters");

/** PostgreSQL has no year 0 and JavaScript dates go far past 9999: accept 0001–9999 only. */
export function inDateRange(d: Date): boolean {
  if (Number.isNaN(d.getTime())) return false;
  const year = d.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

export const DATE_RANGE_MESSAGE = "must be a date between 0001-01-01 and 9999-12-31";

/** An ISO date or date-time string whose year is 0001–9999. */
export const saneDateString = (s: string) => inDateRange(new Date(s));
