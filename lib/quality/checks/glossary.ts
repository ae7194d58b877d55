// glossary: a glossary source term occurs in the source segment but none of its approved
// translations occurs in the target.

import type { CheckContext, GlossaryEntry, Warning } from "./types";

export function checkGlossary(ctx: CheckContext): Warning[] {
  const entries = groupBySourceTerm(ctx.glossary);
  const warnings: Warning[] = [];
  for (const segment of ctx.segments) {
    if (segment.source === null) continue;
    for (const [sourceTerm, group] of entries) {
      if (!containsTerm(segment.source, sourceTerm, { wholeWord: true })) continue;
      const targets = group.map((e) => e.target.trim());
      if (targets.some((t) => containsTerm(segment.text, t, { wholeWord: false }))) continue;
      const note = group.find((e) => e.note?.trim())?.note?.trim();
      warnings.push({
        segmentIndex: segment.index,
        check: "glossary",
        message:
          `Glossary term "${sourceTerm}" should be translated as ` +
          `${targets.map((t) => `"${t}"`).join(" or ")}, which is missing from the translation.` +
          (note ? ` Note: ${note}` : ""),
      });
    }
  }
  return warnings;
}

/** Entries sharing a source term are alternatives: any one of their targets will do. */
export function groupBySourceTerm(
  glossary: readonly GlossaryEntry[],
): Map<string, GlossaryEntry[]> {
  const groups = new Map<string, GlossaryEntry[]>();
  const keys = new Map<string, string>();
  for (const entry of glossary) {
    const term = entry.source.trim();
    if (!term || !entry.target.trim()) continue;
    const key = normalise(term);
    const display = keys.get(key) ?? term;
    keys.set(key, display);
    groups.set(display, [...(groups.get(display) ?? []), entry]);
  }
  return groups;
}

function normalise(s: string): string {
  return s.normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Case-insensitive search. Terms starting with a Latin letter or digit must start a word
 * ("art" is not in "start"). Korean terms have no boundary, since particles attach to them.
 * With wholeWord the Latin term must also end a word; the target side stays lenient so
 * "chaebols" satisfies "chaebol".
 */
export function containsTerm(
  text: string,
  term: string,
  { wholeWord }: { wholeWord: boolean },
): boolean {
  const pattern = escapeRegExp(normalise(term)).replace(/ /g, "\\s+");
  const latinStart = /^[\p{Script=Latin}\p{N}]/u.test(term);
  const latinEnd = /[\p{Script=Latin}\p{N}]$/u.test(term);
  const before = latinStart ? String.raw`(?<![\p{L}\p{N}])` : "";
  const after = wholeWord && latinEnd ? String.raw`(?![\p{L}\p{N}])` : "";
  return new RegExp(before + pattern + after, "iu").test(normalise(text));
}
