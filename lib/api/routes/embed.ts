import { z } from "zod";
import { DISCLOSURE_STATES } from "@/lib/domain/disclosure";
import { httpUrl, safeText } from "@/lib/validation/common";
import { defineRoute } from "../contract";
import { isoDateTime } from "./common";

// The public side of the embed (issue 17): what a publisher's page needs to show the disclosure
// and anchor a reader's feedback. Public data only; CORS for the outlet's allowed origins.

export const disclosureSchema = z.object({
  state: z.enum(DISCLOSURE_STATES),
  text: z.string(),
  date: isoDateTime.nullable(),
  note: z.string().nullable(),
  lang: z.string(),
  timeZone: z.string(),
});

export const lookupQuerySchema = z
  .object({
    outlet: safeText(200).optional(),
    externalId: safeText(200).optional(),
    url: httpUrl.optional(),
  })
  .strict()
  .refine((q) => (q.url ? !q.outlet && !q.externalId : q.outlet && q.externalId), {
    message: "pass outlet and externalId, or url",
    path: ["url"],
  });

export const publicLookupSchema = z.object({
  id: z.string(),
  slug: z.string(),
  targetLang: z.string(),
  revision: z.number().int().meta({ description: "The public revision the segments are from" }),
  segments: z.array(
    z.object({
      index: z.number().int(),
      kind: z.enum(["TITLE", "PARAGRAPH", "CAPTION"]),
      text: z.string(),
    }),
  ),
  disclosure: disclosureSchema,
  readUrl: z.string().meta({ description: "Path of the public reading page" }),
});

export const lookupPublicArticle = defineRoute({
  method: "GET",
  path: "/api/v1/public/articles/lookup",
  summary: "The public text of an article by outlet and external id, or by page URL (public)",
  description:
    "For the embed script on an outlet's page. Only an article readers are shown is found; " +
    "anything else is the same 404. `url` is matched against the outlets' canonical URL " +
    "patterns. Cross-origin calls are answered with CORS headers only for the outlet's " +
    "allowed origins, never with credentials.",
  tag: "embed",
  permission: "public",
  cors: "outlet",
  query: lookupQuerySchema,
  responses: [{ status: 200, description: "The public article", schema: publicLookupSchema }],
  errors: { 404: "No published article under that key" },
});
