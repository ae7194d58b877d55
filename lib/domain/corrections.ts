// What counts as a published correction (issue 17 item 7): the publication of a new revision
// after the first publication. Re-publishing the revision already public changes nothing for
// readers, so it is not a correction. Pure: /read, the JSON-LD, the Atom feed and the Galley
// JSON export all use these, so they cannot disagree.

export interface PublicationRecord {
  revision: number;
  publishedAt: Date;
  note: string | null;
}

/** Publications in order, one per change of the public revision (pass them oldest first). */
export function distinctPublications<T extends PublicationRecord>(publications: readonly T[]): T[] {
  const out: T[] = [];
  for (const p of publications) {
    if (out.at(-1)?.revision === p.revision) continue;
    out.push(p);
  }
  return out;
}

/** The corrections among distinct publications: every one after the first. */
export function correctionsOf<T extends PublicationRecord>(versions: readonly T[]): T[] {
  return versions.slice(1);
}

/** Said for a correction published without a note. */
export const UNNOTED_CORRECTION_TEXT = "This article was corrected.";

export function correctionText(note: string | null): string {
  const text = note?.trim() ?? "";
  return text === "" ? UNNOTED_CORRECTION_TEXT : text;
}
