import { z } from "zod";
import { approvedNameSchema } from "@/lib/validation/approved-names";
import { langTag } from "@/lib/validation/common";
import { qaRulePatchSchema, qaRuleSchema } from "@/lib/validation/qa-rules";
import { defineRoute } from "../contract";
import { isoDateTime } from "./common";

// Quality intelligence (issue 16): custom QA rules, approved names, engine error patterns and
// the translation memory.

export const qaRuleViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["literal", "regex"]),
  pattern: z.string(),
  sourcePattern: z.string().nullable(),
  caseSensitive: z.boolean(),
  message: z.string(),
  severity: z.enum(["info", "warning", "error"]),
  sourceLang: z.string().nullable(),
  targetLang: z.string().nullable(),
  engine: z.string().nullable().meta({ description: '"name" or "name@version"; null = any' }),
  enabled: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

const RULE_NOT_FOUND = { 404: "No such QA rule" } as const;

export const listQaRules = defineRoute({
  method: "GET",
  path: "/api/v1/qa-rules",
  summary: "Custom QA rules",
  tag: "quality",
  permission: "manage:qa-rules",
  responses: [
    {
      status: 200,
      description: "Every rule, oldest first",
      schema: z.object({ items: z.array(qaRuleViewSchema) }),
    },
  ],
});

export const createQaRule = defineRoute({
  method: "POST",
  path: "/api/v1/qa-rules",
  summary: "Add a custom QA rule",
  description:
    "A literal phrase or a regular expression on the MT, with an optional source-side " +
    "condition. Regular expressions with nested quantifiers, longer than 200 characters or " +
    "matching empty text are refused (400); each rule also has a time budget per article. " +
    'Warnings appear in GET /articles/{id}/checks as `check: "rule"` with `ruleId`.',
  tag: "quality",
  permission: "manage:qa-rules",
  body: qaRuleSchema,
  responses: [{ status: 201, description: "Created", schema: qaRuleViewSchema }],
});

export const updateQaRule = defineRoute({
  method: "PATCH",
  path: "/api/v1/qa-rules/{id}",
  summary: "Change a custom QA rule",
  tag: "quality",
  permission: "manage:qa-rules",
  body: qaRulePatchSchema,
  responses: [{ status: 200, description: "The rule", schema: qaRuleViewSchema }],
  errors: RULE_NOT_FOUND,
});

export const deleteQaRule = defineRoute({
  method: "DELETE",
  path: "/api/v1/qa-rules/{id}",
  summary: "Delete a custom QA rule",
  tag: "quality",
  permission: "manage:qa-rules",
  responses: [
    {
      status: 200,
      description: "Deleted",
      schema: z.object({ deleted: z.literal(true), id: z.string() }),
    },
  ],
  errors: RULE_NOT_FOUND,
});

// ---------------------------------------------------------------------------------------
// Approved names: "fix once, flag everywhere".

export const approvedNameViewSchema = z.object({
  id: z.string(),
  targetLang: z.string(),
  spelling: z.string(),
  kind: z.enum(["PERSON", "PLACE", "ORGANIZATION"]),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
});

export const listApprovedNames = defineRoute({
  method: "GET",
  path: "/api/v1/approved-names",
  summary: "The newsroom's approved spellings of names",
  tag: "quality",
  permission: "read:article",
  query: z.object({ targetLang: langTag.optional() }),
  responses: [
    {
      status: 200,
      description: "Approved spellings",
      schema: z.object({ items: z.array(approvedNameViewSchema) }),
    },
  ],
});

export const createApprovedName = defineRoute({
  method: "POST",
  path: "/api/v1/approved-names",
  summary: "Approve a spelling (use it everywhere)",
  description:
    "From then on every article translated into `targetLang` whose text writes another " +
    'variant of the name gets a `check: "approved-name"` warning with the `replacement`.',
  tag: "quality",
  permission: "edit:revision",
  body: approvedNameSchema,
  responses: [{ status: 201, description: "Created", schema: approvedNameViewSchema }],
  errors: { 409: "Already approved" },
});

export const deleteApprovedName = defineRoute({
  method: "DELETE",
  path: "/api/v1/approved-names/{id}",
  summary: "Withdraw an approved spelling",
  tag: "quality",
  permission: "manage:qa-rules",
  responses: [
    {
      status: 200,
      description: "Deleted",
      schema: z.object({ deleted: z.literal(true), id: z.string() }),
    },
  ],
  errors: { 404: "No such approved name" },
});

export const applyWarningFix = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/checks/apply",
  summary: "Apply a warning's replacement (one-click replace)",
  description:
    "For warnings that carry a `replacement` (approved names): saves a new revision with " +
    "[start, end) of the segment replaced. 404 when the warning is no longer current.",
  tag: "quality",
  permission: "edit:revision",
  body: z
    .object({
      segmentIndex: z.int32().min(0),
      fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "is not a warning fingerprint"),
      start: z.int32().min(0),
    })
    .strict(),
  responses: [
    {
      status: 200,
      description: "The new revision",
      schema: z.object({ revision: z.number().int(), text: z.string() }),
    },
  ],
  errors: {
    404: "No such article or warning",
    409: "The article changed since the warning was computed",
  },
});

// ---------------------------------------------------------------------------------------
// Engine error patterns.

const patternExampleSchema = z.object({
  articleId: z.string(),
  segmentIndex: z.number().int(),
  mt: z.string(),
  final: z.string(),
});

export const enginePatternSchema = z.object({
  engine: z.object({
    name: z.string(),
    version: z.string().nullable(),
    key: z.string().meta({ description: 'Engine filter key: "name" or "name@version"' }),
    label: z.string(),
  }),
  mt: z.string().meta({ description: "The MT text reviewers replaced" }),
  replacement: z.string().meta({ description: "What they put in its place" }),
  count: z.number().int().meta({ description: "Distinct segments with this replacement (≥ 3)" }),
  examples: z.array(patternExampleSchema),
});

export const getEnginePatterns = defineRoute({
  method: "GET",
  path: "/api/v1/metrics/patterns",
  summary: "Engine error patterns mined from reviewers' edits",
  description:
    "An MT substring replaced by the same text in at least 3 segments of one engine, with " +
    "counts and examples; most frequent first. Reads the newest 2,000 reviewed articles " +
    "(`truncated` says when more exist). Promote one with POST /api/v1/qa-rules.",
  tag: "quality",
  permission: "read:metrics",
  query: z.object({ engine: z.string().trim().min(1).max(200).optional() }),
  responses: [
    {
      status: 200,
      description: "Patterns",
      schema: z.object({ items: z.array(enginePatternSchema), truncated: z.boolean() }),
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Translation memory and concordance.

const tmMatchSchema = z.object({
  source: z.string(),
  target: z.string().meta({ description: "The approved translation (text at `revision`)" }),
  similarity: z.number().meta({ description: "pg_trgm similarity of the sources, 0.75–1" }),
  articleId: z.string(),
  revision: z.number().int().meta({ description: "The approved revision the target comes from" }),
});

export const getArticleTm = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/tm",
  summary: "Translation-memory matches for the article's segments",
  description:
    "Approved segment pairs of other articles whose source is at least 75% similar " +
    "(pg_trgm) to a segment's source; up to 3 per segment, best first. Segments without a " +
    "match are left out.",
  tag: "quality",
  permission: "read:article",
  responses: [
    {
      status: 200,
      description: "Matches per segment",
      schema: z.object({
        segments: z.array(z.object({ index: z.number().int(), matches: z.array(tmMatchSchema) })),
      }),
    },
  ],
  errors: { 404: "No such article" },
});

export const searchTm = defineRoute({
  method: "GET",
  path: "/api/v1/tm/search",
  summary: "Concordance search over approved source and target text",
  description:
    "Case-insensitive substring match on either side; newest approvals first, 50 at most.",
  tag: "quality",
  permission: "read:article",
  query: z.object({ q: z.string().trim().min(2).max(200) }),
  responses: [
    {
      status: 200,
      description: "Approved pairs containing q",
      schema: z.object({
        items: z.array(
          z.object({
            source: z.string(),
            target: z.string(),
            articleId: z.string(),
            segmentIndex: z.number().int(),
            revision: z.number().int(),
          }),
        ),
        truncated: z.boolean(),
      }),
    },
  ],
});
