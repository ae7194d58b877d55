import "server-only";
import { Prisma, db } from "@/lib/db";
import type { LeafEvent } from "@/lib/audit/leaf";
import {
  consistencyRanges,
  inclusionRanges,
  nodesOfRange,
  rangeHash,
  type Hash,
  type NodeKey,
  type Range,
} from "@/lib/audit/merkle";
import type { SignedTreeHead } from "@/lib/audit/sth";
import { badRequest, notFound } from "@/lib/errors";

// Read side of the audit Merkle tree (ADR 015): signed heads and proofs, evaluated from the
// stored hashes of complete subtrees. A proof plans its leaf ranges (lib/audit/merkle.ts),
// then fetches every node it needs in ONE query by primary key: O(log² n) rows at most.

/**
 * The event columns as leaves hash them, cast to text in SQL so every reader (the pool here,
 * the sealer's own session) gets the same values. `at` is stored as UTC without a zone.
 */
export const LEAF_EVENT_COLUMNS = `e."id"::text AS "id",
  to_char(e."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", e."actorType"::text AS "actorType",
  e."actorId", e."actorLabel", e."action", e."entityType", e."entityId", e."data"::text AS "data",
  e."requestId"`;

export interface LeafEventRow extends Omit<LeafEvent, "data"> {
  data: string;
}

export const toLeafEvent = (r: LeafEventRow): LeafEvent => ({
  id: r.id,
  at: r.at,
  actorType: r.actorType,
  actorId: r.actorId,
  actorLabel: r.actorLabel,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  data: JSON.parse(r.data) as unknown,
  requestId: r.requestId,
});

type HeadRow = { treeSize: bigint; rootHash: string; timestamp: Date; signature: string };

const toHead = (r: HeadRow): SignedTreeHead => ({
  treeSize: Number(r.treeSize),
  rootHash: r.rootHash,
  timestamp: r.timestamp.toISOString(),
  signature: r.signature,
});

/** The newest signed tree head, or null before the first seal. */
export async function latestTreeHead(): Promise<SignedTreeHead | null> {
  const row = await db().auditTreeHead.findFirst({ orderBy: { treeSize: "desc" } });
  return row ? toHead(row) : null;
}

/** The head signed at exactly `treeSize`; 404 when the sealer never stopped there. */
export async function treeHeadAt(treeSize: number): Promise<SignedTreeHead> {
  const row = await db().auditTreeHead.findUnique({ where: { treeSize: BigInt(treeSize) } });
  if (!row) throw notFound(`A signed tree head at tree size ${treeSize}`);
  return toHead(row);
}

/** Every stored head in tree-size order (verification walks them). */
export async function allTreeHeads(): Promise<SignedTreeHead[]> {
  const rows = await db().auditTreeHead.findMany({ orderBy: { treeSize: "asc" } });
  return rows.map(toHead);
}

/** The hashes of these stored nodes, in one query. */
export async function nodeHashes(keys: NodeKey[]): Promise<Map<string, Hash>> {
  const out = new Map<string, Hash>();
  if (keys.length === 0) return out;
  const rows = await db().$queryRaw<{ level: number; index: bigint; hash: Uint8Array }[]>`
    SELECT "level", "index", "hash" FROM "AuditNode"
    WHERE ("level", "index") IN (${Prisma.join(keys.map((k) => Prisma.sql`(${k.level}::smallint, ${k.index}::bigint)`))})`;
  for (const r of rows) out.set(`${r.level}:${Number(r.index)}`, Buffer.from(r.hash));
  return out;
}

async function rangeHashes(ranges: Range[]): Promise<Hash[]> {
  const keys = ranges.flatMap(nodesOfRange);
  const nodes = await nodeHashes(keys);
  return ranges.map((r) =>
    rangeHash(r, (k) => {
      const h = nodes.get(`${k.level}:${k.index}`);
      // A sealed tree has every complete node; a gap means the tree was tampered with.
      if (!h) throw new Error(`audit tree node ${k.level}:${k.index} is missing`);
      return h;
    }),
  );
}

/** The root of the first `size` leaves (size ≤ the sealed tree), from stored nodes. */
export async function rootAt(size: number): Promise<Hash> {
  const [root] = await rangeHashes([{ lo: 0, hi: size }]);
  return root!;
}

async function sealedSize(): Promise<number> {
  return (await latestTreeHead())?.treeSize ?? 0;
}

function requireWithin(size: number, sealed: number, name: string): void {
  if (size > sealed) {
    throw badRequest(`${name} ${size} is beyond the newest signed tree head (tree size ${sealed})`);
  }
}

/** RFC 9162 §2.1.4 consistency proof between two sizes of the sealed tree. */
export async function consistencyProof(first: number, second: number): Promise<Hash[]> {
  if (first > second) throw badRequest(`first (${first}) must not exceed second (${second})`);
  requireWithin(second, await sealedSize(), "second");
  return rangeHashes(consistencyRanges(first, second));
}

/** The leaf at `index` with its RFC 9162 §2.1.3 inclusion proof in the tree of `treeSize`. */
export async function inclusionProof(
  index: number,
  treeSize: number,
): Promise<{ event: LeafEvent; path: Hash[] }> {
  if (index >= treeSize) {
    throw badRequest(`index ${index} is not in a tree of ${treeSize} leaves (0 … ${treeSize - 1})`);
  }
  requireWithin(treeSize, await sealedSize(), "treeSize");
  const [rows, path] = await Promise.all([
    db().$queryRawUnsafe<LeafEventRow[]>(
      `SELECT ${LEAF_EVENT_COLUMNS} FROM "AuditLeaf" l JOIN "AuditEvent" e ON e."id" = l."eventId"
       WHERE l."index" = $1`,
      index,
    ),
    rangeHashes(inclusionRanges(index, treeSize)),
  ]);
  if (!rows[0]) throw new Error(`the event of audit leaf ${index} is missing`);
  return { event: toLeafEvent(rows[0]), path };
}

/**
 * Inclusion-proof links for publications' events (the public "verify this correction" links
 * on /read), by publication id; publications not sealed yet have none.
 */
export async function publicationProofLinks(
  publicationIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (publicationIds.length === 0) return out;
  const [rows, size] = await Promise.all([
    db().$queryRaw<{ entityId: string; index: bigint }[]>`
      SELECT e."entityId", l."index" FROM "AuditEvent" e JOIN "AuditLeaf" l ON l."eventId" = e."id"
      WHERE e."entityType" = 'publication' AND e."entityId" IN (${Prisma.join(publicationIds)})`,
    sealedSize(),
  ]);
  for (const r of rows) {
    if (Number(r.index) < size) {
      out.set(r.entityId, `/api/v1/log/proof/inclusion?index=${r.index}&treeSize=${size}`);
    }
  }
  return out;
}
