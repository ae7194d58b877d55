"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/guard";
import { BULK_TRIAGE_MAX, bulkTriageFeedback, triageFeedback } from "@/lib/server/feedback-triage";
import { getFeedback } from "@/lib/server/feedback-queries";
import { cuidParam } from "@/lib/validation/common";

const triageSchema = z.object({
  id: cuidParam,
  intent: z.enum(["accept", "accept-and-correct", "reject", "duplicate", "spam"]),
  reason: z.string().optional(),
  duplicateOf: z
    .string()
    .optional()
    .transform((s) => s || undefined),
});

type TriageOutcome = { message: string; redirectTo?: string };

/**
 * One action for an item's triage form; the pressed button's `intent` says
 * which. Accepting an item that carries a suggestion opens the review
 * workspace instead: saving the correction there marks the item ACCEPTED with
 * the resolving revision (saveRevision's feedbackId).
 */
export async function triageAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<TriageOutcome>> {
  const result = await runAction(
    "triage:feedback",
    triageSchema,
    Object.fromEntries(form),
    async (d, actor): Promise<TriageOutcome> => {
      if (d.intent === "accept-and-correct") {
        const item = await getFeedback(d.id);
        return {
          message: "Opening the review workspace",
          redirectTo: `/articles/${encodeURIComponent(item.article.id)}?feedback=${encodeURIComponent(item.id)}`,
        };
      }
      const status = (
        { accept: "ACCEPTED", reject: "REJECTED", duplicate: "DUPLICATE", spam: "SPAM" } as const
      )[d.intent];
      await triageFeedback({
        id: d.id,
        status,
        reason: d.reason,
        duplicateOf: d.duplicateOf,
        actor,
      });
      revalidatePath("/feedback");
      return { message: `Marked as ${status.toLowerCase()}` };
    },
  );
  // redirect() throws; it must run outside runAction, which maps every throw to a result.
  if (result.ok && result.data.redirectTo) redirect(result.data.redirectTo);
  return result;
}

const bulkSchema = z.object({
  ids: z
    .array(cuidParam)
    .min(1, "Select at least one item")
    .max(BULK_TRIAGE_MAX, `Select at most ${BULK_TRIAGE_MAX} items`),
  intent: z.enum(["accept", "reject", "spam"]),
  reason: z.string().max(1000).optional(),
});

const BULK_STATUS = { accept: "ACCEPTED", reject: "REJECTED", spam: "SPAM" } as const;

export async function bulkTriageAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ message: string }>> {
  return runAction(
    "triage:feedback",
    bulkSchema,
    {
      ids: form.getAll("ids").map(String),
      intent: form.get("intent"),
      reason: form.get("reason") ?? undefined,
    },
    async (d, actor) => {
      const status = BULK_STATUS[d.intent];
      const res = await bulkTriageFeedback({ ids: d.ids, status, reason: d.reason, actor });
      revalidatePath("/feedback");
      const skipped = res.skipped.length ? `; ${res.skipped.length} skipped` : "";
      return { message: `Marked ${res.updated.length} as ${status.toLowerCase()}${skipped}` };
    },
  );
}
