// name-inconsistency: one name spelled two ways in an article ("Lee Jae-myung" in one
// paragraph, "Lee Jae-myeong" in another), or differently from the glossary.
// Which spellings count as variants is decided in name-spelling.ts.

import {
  areNameVariants,
  findNameMentions,
  lowercaseVocabulary,
  type NameMention,
} from "./name-spelling";
import type { CheckContext, Warning } from "./types";

interface Occurrence extends NameMention {
  segmentIndex: number;
}

interface Spelling {
  text: string;
  occurrences: Occurrence[];
  fromGlossary: boolean;
}

export function checkNameInconsistency(ctx: CheckContext): Warning[] {
  const spellings = collectSpellings(ctx);
  const clusters = clusterVariants(spellings);
  const warnings: Warning[] = [];

  for (const cluster of clusters) {
    const preferred = preferredSpelling(cluster);
    const firstUse = preferred.occurrences[0];
    for (const spelling of cluster) {
      if (spelling === preferred) continue;
      for (const occurrence of spelling.occurrences) {
        const message = preferred.fromGlossary
          ? `Name "${spelling.text}" differs from glossary '${preferred.text}'.`
          : `Name "${spelling.text}" is spelled "${preferred.text}" ${where(firstUse, occurrence)}; use one spelling throughout.`;
        warnings.push({
          segmentIndex: occurrence.segmentIndex,
          check: "name-inconsistency",
          message,
          start: occurrence.start,
          end: occurrence.end,
        });
      }
    }
  }
  return warnings.sort(
    (a, b) => a.segmentIndex - b.segmentIndex || (a.start ?? 0) - (b.start ?? 0),
  );
}

function collectSpellings(ctx: CheckContext): Map<string, Spelling> {
  const vocabulary = lowercaseVocabulary(ctx.segments.map((s) => s.text));
  const spellings = new Map<string, Spelling>();
  const spellingOf = (text: string) => {
    let spelling = spellings.get(text);
    if (!spelling) {
      spelling = { text, occurrences: [], fromGlossary: false };
      spellings.set(text, spelling);
    }
    return spelling;
  };

  for (const segment of ctx.segments) {
    for (const mention of findNameMentions(segment.text, vocabulary)) {
      spellingOf(mention.text).occurrences.push({
        ...mention,
        segmentIndex: segment.index,
      });
    }
  }
  for (const entry of ctx.glossary) {
    const term = entry.target.trim();
    // Only glossary targets that are one name phrase as a whole ("Lee Jae-myung").
    const [only, ...more] = findNameMentions(term, new Set());
    if (only && more.length === 0 && only.text === term) spellingOf(term).fromGlossary = true;
  }
  return spellings;
}

/** Groups spellings linked by variant pairs; a pair needs at least one reliable side. */
function clusterVariants(spellings: Map<string, Spelling>): Spelling[][] {
  const list = [...spellings.values()];
  const parent = list.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  const trusted = (s: Spelling) => s.fromGlossary || s.occurrences.some((o) => o.reliable);

  list.forEach((a, i) => {
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j];
      if (!b || !(trusted(a) || trusted(b)) || !areNameVariants(a.text, b.text)) continue;
      parent[root(j)] = root(i);
    }
  });

  const groups = new Map<number, Spelling[]>();
  list.forEach((spelling, i) => {
    const group = groups.get(root(i)) ?? [];
    group.push(spelling);
    groups.set(root(i), group);
  });
  return [...groups.values()].filter(
    (group) => group.length > 1 && group.some((s) => s.occurrences.length > 0),
  );
}

/** The glossary spelling if any, else the most used one, else the one used first. */
function preferredSpelling(cluster: Spelling[]): Spelling {
  const glossary = cluster.find((s) => s.fromGlossary);
  if (glossary) return glossary;
  const firstPosition = (s: Spelling) => {
    const first = s.occurrences[0];
    return first ? [first.segmentIndex, first.start] : [Infinity, Infinity];
  };
  return [...cluster].sort((a, b) => {
    const [segmentA = 0, startA = 0] = firstPosition(a);
    const [segmentB = 0, startB = 0] = firstPosition(b);
    return b.occurrences.length - a.occurrences.length || segmentA - segmentB || startA - startB;
  })[0] as Spelling;
}

function where(preferredUse: Occurrence | undefined, occurrence: Occurrence): string {
  if (!preferredUse) return "elsewhere";
  return preferredUse.segmentIndex === occurrence.segmentIndex
    ? "elsewhere in this segment"
    : `in segment ${preferredUse.segmentIndex}`;
}
