import type { z } from "zod";
import { requirePermission, type Permission, type UserActor } from "@/lib/auth/policy";
import { sessionActor } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueMessage } from "@/lib/validation/issues";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      error: string;
      fieldErrors?: Record<string, string>;
      details?: Record<string, unknown>;
    };

/**
 * The server-action counterpart of apiRoute: authenticate from the session,
 * authorize through the same policy, validate with zod, map errors to a result
 * the form can show. Next.js checks the Origin of server actions itself (CSRF).
 */
export async function runAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  input: unknown,
  fn: (data: z.infer<S>, actor: UserActor) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const actor = requirePermission(await sessionActor(), permission);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const i of parsed.error.issues) fieldErrors[i.path.join(".") || "form"] ??= i.message;
      const first = parsed.error.issues[0];
      return {
        ok: false,
        error: first ? issueMessage(first, "input") : "Invalid input",
        fieldErrors,
      };
    }
    return { ok: true, data: await fn(parsed.data, actor) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.message, details: err.details };
    if (isDatabaseUnavailable(err))
      return { ok: false, error: "The database is unavailable; try again shortly" };
    console.error(err);
    return { ok: false, error: "Something went wrong on our side" };
  }
}
