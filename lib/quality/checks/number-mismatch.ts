// number-mismatch: every number, amount or date in the source should reappear, with the same
// value, in the translation. Values are compared after normalisation, so "10조 원" matches
// "10 trillion won" but not "10 billion won".

import { extractNumbers, type NumberMention } from "../korean-numbers";
import type { CheckContext, Warning } from "./types";

// Korean news dates ("13일") are idiomatically rendered as weekdays ("on Wednesday").
const WEEKDAY_OR_RELATIVE_DAY =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|tonight)\b/i;

const ONE_AS_WORD = /\b(?:a|an|single|once|sole|lone)\b/i;

export function checkNumberMismatch(ctx: CheckContext): Warning[] {
  const warnings: Warning[] = [];
  for (const segment of ctx.segments) {
    if (segment.source === null) continue;
    const sourceNumbers = extractNumbers(segment.source, ctx.sourceLang);
    if (sourceNumbers.length === 0) continue;

    const targetNumbers = extractNumbers(segment.text, ctx.targetLang);
    const spare = targetNumbers.filter((t) => !sourceNumbers.some((s) => sameQuantity(s, t)));
    const namesWeekday = WEEKDAY_OR_RELATIVE_DAY.test(segment.text);
    const reported = new Set<string>();

    for (const s of sourceNumbers) {
      const match = targetNumbers.find((t) => sameQuantity(s, t));
      // "0.2%p" is a change of 0.2 percentage points; "0.2 percent" would be a relative change.
      if (match && s.points && match.kind === "percent" && !match.points) {
        warnings.push({
          segmentIndex: segment.index,
          check: "number-mismatch",
          message: `Source has ${s.text} (percentage points); translation has ${match.text}, which reads as a relative change.`,
          start: match.start,
          end: match.end,
        });
        continue;
      }
      if (match) continue;
      if (s.kind === "day" && namesWeekday) continue;
      // Repeating a figure in the source is not a second error.
      const key = `${s.kind}:${s.value}`;
      if (reported.has(key)) continue;
      reported.add(key);

      const rival = closestOfSameKind(s, spare);
      // "1년 전" is "a year earlier", "1시간 만에" "in an hour", "1인 가구" "a single-person
      // household": a lone 1 is routinely an article, so its absence proves nothing.
      if (!rival && s.value === 1 && s.kind === "number" && ONE_AS_WORD.test(segment.text)) {
        continue;
      }
      if (rival) {
        spare.splice(spare.indexOf(rival), 1);
        warnings.push({
          segmentIndex: segment.index,
          check: "number-mismatch",
          message: `Source has ${describe(s)}; translation has ${describe(rival)}.`,
          start: rival.start,
          end: rival.end,
        });
      } else {
        warnings.push({
          segmentIndex: segment.index,
          check: "number-mismatch",
          message: `Source has ${describe(s)}, which is missing from the translation.`,
        });
      }
    }
  }
  return warnings;
}

/**
 * Equal values match. A target written with decimals also matches a source it correctly
 * rounds: "1.2 trillion" for "1조 2345억", but "1 trillion" for it is flagged.
 */
export function sameQuantity(source: NumberMention, target: NumberMention): boolean {
  const tolerance = 1e-9 * Math.max(Math.abs(source.value), Math.abs(target.value));
  const difference = Math.abs(source.value - target.value);
  if (difference <= tolerance) return true;
  const roundedInTarget = /\d\.\d/.test(target.text);
  return roundedInTarget && difference <= target.precision / 2 + tolerance;
}

/** The unmatched target figure most likely meant for this source one (nearest magnitude). */
function closestOfSameKind(
  source: NumberMention,
  candidates: readonly NumberMention[],
): NumberMention | undefined {
  let best: NumberMention | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.kind !== source.kind) continue;
    const distance = Math.abs(
      Math.log10(Math.abs(source.value) + 1) - Math.log10(Math.abs(candidate.value) + 1),
    );
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

const FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** "10조 (10,000,000,000,000)", "13일 (day 13)"; the bracket is left out when it adds nothing. */
function describe(m: NumberMention): string {
  const plain = FORMAT.format(m.value);
  const normalised =
    m.kind === "percent" ? `${plain}%` : m.kind === "number" ? plain : `${m.kind} ${m.value}`;
  return normalised === m.text ? m.text : `${m.text} (${normalised})`;
}
