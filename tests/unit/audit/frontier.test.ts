import { describe, expect, it } from "vitest";
import { Frontier } from "@/lib/audit/frontier";
import { leafHash, nodeHash, splitPoint, type Hash } from "@/lib/audit/merkle";
import { isPublicLeaf, leafBytes, type LeafEvent } from "@/lib/audit/leaf";

// Straight from RFC 9162 §2.1.1, recursively over all leaves.
function mth(leaves: Hash[]): Hash {
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describe("Frontier", () => {
  it("gives the RFC 9162 root after every append, and resumes from its stored nodes", () => {
    const leaves = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
    const f = new Frontier(0);
    const stored = new Map<string, Hash>();
    leaves.forEach((l, i) => {
      for (const n of f.append(l)) stored.set(`${n.level}:${n.index}`, n.hash);
      expect(f.root().toString("hex")).toBe(mth(leaves.slice(0, i + 1)).toString("hex"));
      const resumed = new Frontier(
        i + 1,
        Frontier.keysFor(i + 1).map((k) => ({ ...k, hash: stored.get(`${k.level}:${k.index}`)! })),
      );
      expect(resumed.root().equals(f.root())).toBe(true);
    });
  });
});

describe("publication leaves", () => {
  const publication: LeafEvent = {
    id: "7",
    at: "2026-11-30T10:00:00.000Z",
    actorType: "SYSTEM",
    actorId: null,
    actorLabel: "publication",
    action: "article.published",
    entityType: "publication",
    entityId: "cpub1",
    data: { slug: "seoul-rain", revision: 3, note: "Corrected the date" },
    requestId: "c0ffee",
  };

  it("are canonical JSON, keys sorted, no spaces", () => {
    expect(leafBytes(publication).toString("utf8")).toBe(
      '{"action":"article.published","actorId":null,"actorLabel":"publication","actorType":"SYSTEM",' +
        '"at":"2026-11-30T10:00:00.000Z","data":{"note":"Corrected the date","revision":3,"slug":"seoul-rain"},' +
        '"entityId":"cpub1","entityType":"publication","id":"7","requestId":"c0ffee"}',
    );
  });

  it("count as public only with public data", () => {
    expect(isPublicLeaf(publication)).toBe(true);
    expect(isPublicLeaf({ ...publication, actorType: "USER", actorId: "u1" })).toBe(false);
    expect(isPublicLeaf({ ...publication, actorLabel: "editor@example.com" })).toBe(false);
    expect(
      isPublicLeaf({ ...publication, data: { ...(publication.data as object), by: "x" } }),
    ).toBe(false);
    expect(isPublicLeaf({ ...publication, action: "article.status" })).toBe(false);
  });
});
