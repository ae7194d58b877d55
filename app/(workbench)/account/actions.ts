"use server";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/guard";
import { reissueSession } from "@/lib/auth/session";
import { changePassword, setUserTimeZone } from "@/lib/server/users";

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "is required").max(1000),
    newPassword: z.string().min(1, "is required").max(1000),
    confirmPassword: z.string().max(1000),
  })
  .refine((d) => d.newPassword === d.confirmPassword, {
    message: "does not match the new password",
    path: ["confirmPassword"],
  });

// Every role may change its own password ("read:article" is the permission all roles hold).
export async function changePasswordAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ changed: true }>> {
  return runAction(
    "read:article",
    changePasswordSchema,
    Object.fromEntries(form),
    async (d, actor) => {
      const { sessionVersion } = await changePassword({
        actor,
        currentPassword: d.currentPassword,
        newPassword: d.newPassword,
      });
      // Every session ended with the change; this browser gets a fresh one.
      await reissueSession(sessionVersion);
      return { changed: true as const };
    },
  );
}

const timeZoneSchema = z.object({
  // "" follows the server's GALLEY_TIME_ZONE; lib/server/users.ts checks the name.
  timeZone: z
    .string()
    .max(100)
    .transform((s) => s.trim() || null),
});

export async function setTimeZoneAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ timeZone: string | null }>> {
  return runAction("read:article", timeZoneSchema, Object.fromEntries(form), (d, actor) =>
    setUserTimeZone({ actor, timeZone: d.timeZone }),
  );
}
