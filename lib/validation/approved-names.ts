import { z } from "zod";
import { langTag, safeText } from "./common";

// An approved spelling of a name, as sent by the workspace's "use this spelling everywhere"
// and POST /api/v1/approved-names (issue 16).

export const approvedNameSchema = z
  .object({
    targetLang: langTag.transform((s) => s.toLowerCase()),
    spelling: safeText(200)
      .transform((s) => s.trim().replace(/\s+/g, " "))
      .refine((s) => /\p{Lu}/u.test(s), "must contain a capital letter (a name)")
      .refine((s) => s.replace(/[^\p{L}]/gu, "").length >= 2, "is too short"),
    kind: z.enum(["PERSON", "PLACE", "ORGANIZATION"]).default("PERSON"),
    note: safeText(500)
      .transform((s) => s.trim() || null)
      .nullish()
      .transform((s) => s ?? null),
  })
  .strict();

export type ApprovedNameInput = z.infer<typeof approvedNameSchema>;
