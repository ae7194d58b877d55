"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES } from "@/lib/auth/policy";
import { generatePassword } from "@/lib/auth/secrets";
import { runAction, type ActionResult } from "@/lib/actions/guard";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { createUser, resetPassword, setUserDisabled, setUserRole } from "@/lib/server/users";

const createUserSchema = z.object({
  email: z.string().trim().email("must be an email address").max(320),
  name: z.string().trim().min(1, "is required").max(200),
  role: z.enum(ROLES),
});

export async function createUserAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ email: string; password: string }>> {
  return runAction(
    "admin:users",
    createUserSchema,
    Object.fromEntries(form),
    async (data, actor) => {
      const password = generatePassword();
      await createUser({ ...data, password }, actor);
      revalidatePath("/admin");
      return { email: data.email, password };
    },
  );
}

const roleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });
export async function setRoleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction("admin:users", roleSchema, Object.fromEntries(form), async (d, actor) => {
    await setUserRole(d.userId, d.role, actor);
    revalidatePath("/admin");
    return undefined;
  });
}

const disableSchema = z.object({ userId: z.string().min(1), disabled: z.enum(["true", "false"]) });
export async function setDisabledAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction("admin:users", disableSchema, Object.fromEntries(form), async (d, actor) => {
    await setUserDisabled(d.userId, d.disabled === "true", actor);
    revalidatePath("/admin");
    return undefined;
  });
}

const tokenSchema = z.object({
  userId: z.string().min(1),
  name: z.string().trim().min(1, "is required").max(100),
});
export async function createTokenAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ token: string }>> {
  return runAction("admin:tokens", tokenSchema, Object.fromEntries(form), async (d, actor) => {
    const t = await createApiToken({ userId: d.userId, name: d.name }, actor);
    revalidatePath("/admin");
    return { token: t.token };
  });
}

const revokeSchema = z.object({ tokenId: z.string().min(1) });
export async function revokeTokenAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction("admin:tokens", revokeSchema, Object.fromEntries(form), async (d, actor) => {
    await revokeApiToken(d.tokenId, actor);
    revalidatePath("/admin");
    return undefined;
  });
}

const resetSchema = z.object({ userId: z.string().min(1).max(64) });
/** A new one-time password for a user; every session of theirs ends. */
export async function resetPasswordAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ email: string; password: string }>> {
  return runAction("admin:users", resetSchema, Object.fromEntries(form), async (d, actor) => {
    const result = await resetPassword(d.userId, actor);
    revalidatePath("/admin");
    return result;
  });
}
