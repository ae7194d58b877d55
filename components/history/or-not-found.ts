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
