"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/guard";
import { revertSchema } from "@/lib/api/schemas/history";
import { revertArticle } from "@/lib/server/revisions";

const revertFormSchema = revertSchema.extend({
  articleId: z.string().min(1).max(64),
  to: z.coerce.number().int().min(1).max(2_147_483_647),
  baseRevision: z.coerce.number().int().min(1).max(2_147_483_647),
});

export type RevertState = ActionResult<{ revision: number; created: boolean }> | null;

/** Reverts on top of the revision the page showed as current; a newer save is a conflict. */
export async function revertAction(_prev: RevertState, form: FormData): Promise<RevertState> {
  return runAction(
    "edit:revision",
    revertFormSchema,
    Object.fromEntries(form),
    async (d, actor) => {
      const res = await revertArticle({
        articleId: d.articleId,
        to: d.to,
        baseRevision: d.baseRevision,
        reason: d.reason,
        actor,
      });
      revalidatePath(`/articles/${d.articleId}/history`);
      return res;
    },
  );
}
