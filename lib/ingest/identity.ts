import { createHash, randomBytes } from "node:crypto";
import { canonicalJson } from "@/lib/audit/chain";
import type { IngestSegment } from "@/lib/domain/types";
import type { ArticleMetadata } from "./metadata";

/** Content fingerprint for idempotent re-ingest: same content → same hash. */
export function contentHash(content: {
  sourceLang: string;
  targetLang: string;
  engine: { name: string; version: string };
  metadata: Partial<ArticleMetadata>;
  footer: string | null;
  segments: IngestSegment[];
}): string {
  // Metadata sits at the top level, as it always has, so stored hashes stay valid.
  const { metadata, ...rest } = content;
  return createHash("sha256")
    .update(canonicalJson({ ...rest, ...metadata }))
    .digest("hex");
}

/** The readable part of a slug made from `title`: "Seoul to open …" → "seoul-to-open-…". */
export function slugBase(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const SUFFIX = /-([0-9a-z]{6})$/;

function randomSuffix(): string {
  return randomBytes(4).readUInt32BE(0).toString(36).padStart(6, "0").slice(-6);
}

/** URL slug from the English title plus a random suffix, e.g. "ruling-party-leader-k3x9qa". */
export function makeSlug(title: string, suffix: string = randomSuffix()): string {
  return `${slugBase(title) || "article"}-${suffix}`;
}

/**
 * The slug `title` calls for when it no longer matches `currentSlug` (the headline was corrected
 * after the slug was made), keeping the slug's suffix so the URL stays recognisably the same
 * article; null when the slug already follows the title.
 */
export function slugFollowingTitle(title: string, currentSlug: string): string | null {
  const suffix = SUFFIX.exec(currentSlug)?.[1];
  const next = suffix ? makeSlug(title, suffix) : makeSlug(title);
  const base = suffix ? currentSlug.slice(0, -suffix.length - 1) : currentSlug;
  return base === (slugBase(title) || "article") ? null : next;
}

/** A slug as we make them: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Word count for MQM normalisation and dashboards (whitespace-separated; CJK by characters / 2.5 would be a guess, so plain split). */
export function countWords(texts: string[]): number {
  let n = 0;
  for (const t of texts) {
    const m = t.match(/\S+/g);
    n += m ? m.length : 0;
  }
  return n;
}
