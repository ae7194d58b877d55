"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/guard";
import { markNotificationsRead } from "@/lib/server/notifications";

// Every role has notifications ("read:article" is the permission all roles hold).
export async function markAllReadAction(): Promise<ActionResult<{ updated: number }>> {
  const result = await runAction("read:article", z.object({}), {}, (_d, actor) =>
    markNotificationsRead(actor.userId),
  );
  revalidatePath("/notifications");
  return result;
}
