"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/guard";
import { createOutlet, updateOutlet } from "@/lib/server/outlets";
import { outletCreateSchema, outletFormToBody, outletPatchSchema } from "@/lib/validation/outlets";

export async function createOutletAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ name: string }>> {
  return runAction(
    "manage:outlets",
    outletCreateSchema,
    outletFormToBody(form, true),
    async (data, actor) => {
      const outlet = await createOutlet(data, actor);
      revalidatePath("/admin/outlets");
      return { name: outlet.name };
    },
  );
}

const updateSchema = z.object({ id: z.string().min(1), patch: outletPatchSchema });

export async function updateOutletAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ name: string }>> {
  const input = { id: String(form.get("id") ?? ""), patch: outletFormToBody(form, false) };
  return runAction("manage:outlets", updateSchema, input, async ({ id, patch }, actor) => {
    const outlet = await updateOutlet(id, patch, actor);
    revalidatePath("/admin/outlets");
    return { name: outlet.name };
  });
}
