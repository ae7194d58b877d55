import { canonicalJson, type ChainedContent } from "./chain";

// What a leaf of the audit Merkle tree holds (issue 18): the UTF-8 canonical JSON of the
// event (keys sorted at every level, no spaces), exactly as proofs return it. The chain
// hashes of ADR 004 are not part of it: they are not event data, and new events have none.

/** The event fields a leaf covers: the same content the old chain hashed (ADR 004), no hashes. */
export type LeafEvent = ChainedContent;

export function leafBytes(event: LeafEvent): Buffer {
  const { id, at, actorType, actorId, actorLabel, action, entityType, entityId, data, requestId } =
    event;
  return Buffer.from(
    canonicalJson({
      id,
      at,
      actorType,
      actorId,
      actorLabel,
      action,
      entityType,
      entityId,
      data,
      requestId,
    }),
    "utf8",
  );
}

// Publication events are the one kind of leaf anyone may read (their inclusion proofs are
// public, linked from every correction notice), so they are written with public data only
// and checked again before a leaf is served without sign-in.

export const PUBLICATION_ACTION = "article.published";
export const PUBLICATION_ENTITY = "publication";
export const PUBLICATION_ACTOR_LABEL = "publication";

/** The data of a publication event: only what /read/<slug> shows anyone. */
export interface PublicationData {
  slug: string;
  revision: number;
  /** The correction note shown to readers, or null for a first publication without one. */
  note: string | null;
}

export function publicationEventData(p: PublicationData): PublicationData {
  return { slug: p.slug, revision: p.revision, note: p.note };
}

const PUBLIC_DATA_KEYS = ["note", "revision", "slug"];

/**
 * True only for a publication event holding nothing but public data: a system actor with no
 * user id, the publication's own id as entity, and exactly the slug, revision and note.
 */
export function isPublicLeaf(event: LeafEvent): boolean {
  const data = event.data as Record<string, unknown> | null;
  return (
    event.action === PUBLICATION_ACTION &&
    event.entityType === PUBLICATION_ENTITY &&
    event.actorType === "SYSTEM" &&
    event.actorId === null &&
    event.actorLabel === PUBLICATION_ACTOR_LABEL &&
    data !== null &&
    typeof data === "object" &&
    !Array.isArray(data) &&
    Object.keys(data).sort().join(",") === PUBLIC_DATA_KEYS.join(",") &&
    typeof data.slug === "string" &&
    Number.isInteger(data.revision) &&
    (data.note === null || typeof data.note === "string")
  );
}
