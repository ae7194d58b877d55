import { z } from "zod";
import { defineRoute } from "../contract";
import { auditQuerySchema } from "../schemas/audit";
import { isoDateTime, page } from "./common";

const auditEventSchema = z.object({
  id: z.string().meta({ description: "Event id (a bigint, as a string)" }),
  at: isoDateTime,
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  data: z.unknown(),
  requestId: z.string(),
  prevHash: z
    .string()
    .nullable()
    .meta({ description: "Hash chain of ADR 004: only events written before the Merkle tree" }),
  hash: z.string().nullable(),
});

/** A page's event carries what a person reads it by; exports keep the stored event only. */
const readableAuditEventSchema = auditEventSchema.extend({
  articleId: z
    .string()
    .nullable()
    .meta({ description: "The article the event is about (its entity or `data.articleId`)" }),
  articleTitle: z.string().nullable().meta({ description: "That article's current title" }),
  actorName: z.string().nullable().meta({ description: "The acting user's name" }),
  summary: z.string().meta({
    description:
      "One line for people, e.g. \"Reviewer Riley saved revision 4 of 'Seoul…' (2 segments)\"",
  }),
});

export const listAudit = defineRoute({
  method: "GET",
  path: "/api/v1/audit",
  summary: "Audit events (a page, or the whole log streamed with format=csv|json|ndjson)",
  description:
    "Without `format`: one page of events, newest first, keyset cursor on id. With it: every " +
    "matching event in chain order, streamed.",
  tag: "audit",
  permission: "read:audit",
  query: auditQuerySchema,
  responses: [
    {
      status: 200,
      description: "One page of events; with format=json, the whole log as an array (streamed)",
      schema: z.union([page(readableAuditEventSchema), z.array(auditEventSchema)]),
    },
    {
      status: 200,
      description: "Export with format=csv or format=ndjson",
      contentTypes: ["text/csv", "application/x-ndjson"],
    },
  ],
});

export const verifyAudit = defineRoute({
  method: "GET",
  path: "/api/v1/audit/verify",
  summary: "Verify the audit log: every leaf, stored hash and signed tree head (ADR 015)",
  description:
    "Recomputes the Merkle tree from the events and checks every stored subtree hash, every " +
    "signed tree head's signature and root, the consistency of consecutive heads, and the hash " +
    "chain of the events written before the tree. Events not sealed yet (under a second old) " +
    "are not covered.",
  tag: "audit",
  permission: "read:audit",
  responses: [
    {
      status: 200,
      description: "ok with what was checked, or the first failure named",
      schema: z.discriminatedUnion("ok", [
        z.object({
          ok: z.literal(true),
          leaves: z.number().int(),
          heads: z.number().int(),
          chainEvents: z.number().int(),
          rootHash: z.string(),
        }),
        z.object({ ok: z.literal(false), failure: z.string() }),
      ]),
    },
  ],
});
