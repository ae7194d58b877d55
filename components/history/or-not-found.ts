import type { z } from "zod";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a loader for a page; an AppError "not_found" becomes the 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

/** Route params checked by `schema`; params that cannot name anything are the 404 page, not a 500. */
export function paramsOrNotFound<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) notFound();
  return parsed.data;
}
