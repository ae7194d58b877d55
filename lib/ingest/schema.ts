import { z } from "zod";
import { langTag, safeText } from "@/lib/validation/common";
import { metadataInputShape } from "./metadata";

// The documented ingest limits (docs/api.md). Over them the API answers 413.
export const INGEST_LIMITS = {
  maxBodyBytes: 1_048_576,
  maxSegments: 2_000,
  maxSegmentChars: 20_000,
} as const;

export const BULK_LIMITS = {
  maxLines: 20_000,
  maxBodyBytes: 50 * 1024 * 1024,
} as const;

const segmentText = safeText(INGEST_LIMITS.maxSegmentChars * 50);

export const ingestArticleSchema = z
  .object({
    sourceLang: langTag,
    targetLang: langTag,
    engine: z.object({
      name: z.string().trim().min(1, "is required").max(100),
      version: z.string().trim().max(100).optional(),
    }),
    externalId: z.string().trim().min(1).max(200).optional(),
    outlet: z.string().trim().min(1).max(200).optional(),
    ...metadataInputShape,
    title: z.object({
      source: safeText(2000).optional(),
      mt: safeText(2000).refine((s) => s.trim().length > 0, "must not be empty"),
    }),
    mt: segmentText.optional(),
    source: segmentText.optional(),
    segments: z
      .array(
        z.object({
          kind: z.enum(["PARAGRAPH", "CAPTION"]).optional(),
          // Length is checked after parsing so an over-long segment is a 413, not a 400.
          source: segmentText.optional(),
          mt: segmentText.refine((s) => s.trim().length > 0, "must not be empty"),
        }),
      )
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.mt === undefined && v.segments === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["mt"],
        message: "give the body as `mt` text or as `segments`",
      });
    }
    if (v.mt !== undefined && v.segments !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["segments"],
        message: "give either `mt` or `segments`, not both",
      });
    }
    if (v.segments !== undefined && v.source !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: "with `segments`, put each source in its segment",
      });
    }
  });

export type IngestArticleInput = z.infer<typeof ingestArticleSchema>;
