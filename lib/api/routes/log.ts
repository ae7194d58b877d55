import { z } from "zod";
import { defineRoute } from "../contract";
import { isoDateTime } from "./common";

// The verifiable audit log (issue 18, ADR 015): signed tree heads and RFC 9162 proofs, public
// so that readers and watchdogs can check the log without an account.

const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const hex = z.string().regex(/^[0-9a-f]{64}$/);

export const signedTreeHeadSchema = z.object({
  treeSize: z.number().int(),
  rootHash: hex.meta({ description: "SHA-256 Merkle tree hash (RFC 9162 §2.1.1), lowercase hex" }),
  timestamp: isoDateTime,
  signature: z.string().meta({
    description:
      "Base64 Ed25519 signature over `galley-sth-v1\\n<treeSize>\\n<rootHash>\\n<timestamp>` (UTF-8)",
  }),
});

export const getLogSth = defineRoute({
  method: "GET",
  path: "/api/v1/log/sth",
  summary: "The newest signed tree head of the audit log, or the one at ?treeSize=N",
  tag: "log",
  permission: "public",
  query: z.object({ treeSize: size.optional() }),
  responses: [{ status: 200, description: "A signed tree head", schema: signedTreeHeadSchema }],
  errors: { 404: "No head signed yet, or none at that tree size" },
});

export const getLogConsistency = defineRoute({
  method: "GET",
  path: "/api/v1/log/proof/consistency",
  summary: "Consistency proof between two tree sizes (RFC 9162 §2.1.4)",
  tag: "log",
  permission: "public",
  query: z.object({ first: size.pipe(z.number().min(1)), second: size.pipe(z.number().min(1)) }),
  responses: [
    {
      status: 200,
      description: "The proof that the tree of `second` leaves extends the tree of `first`",
      schema: z.object({
        first: z.number().int(),
        second: z.number().int(),
        path: z.array(hex),
      }),
    },
  ],
});

export const getLogInclusion = defineRoute({
  method: "GET",
  path: "/api/v1/log/proof/inclusion",
  summary: "Inclusion proof of leaf `index` in the tree of `treeSize` (RFC 9162 §2.1.3)",
  description:
    "Leaves hold event data, so this needs `read:audit` — except for publication events " +
    "(`article.published`), whose leaves hold only public data: anyone may fetch their proofs " +
    "(the 'verify this correction' links on /read). Others answer 401/403.",
  tag: "log",
  permission: "public",
  query: z.object({ index: size, treeSize: size.pipe(z.number().min(1)) }),
  responses: [
    {
      status: 200,
      description: "The leaf and its audit path",
      schema: z.object({
        index: z.number().int(),
        treeSize: z.number().int(),
        leaf: z.string().meta({
          description: "Base64 of the leaf bytes: the event's canonical JSON, UTF-8",
        }),
        path: z.array(hex),
      }),
    },
  ],
  errors: {
    401: "The leaf is not a publication event: sign in (read:audit)",
    403: "The leaf is not a publication event: needs the permission read:audit",
  },
});
