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

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);
