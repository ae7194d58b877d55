// Automatic QA checks over an article's segments. Each check is a pure function of the
// context; runChecks runs them all (or a chosen few) and orders the warnings for display.

import { checkGlossary } from "./glossary";
import { checkLiteralism } from "./literalism";
import { checkNameInconsistency } from "./name-inconsistency";
import { checkNumberMismatch } from "./number-mismatch";
import { checkPunctuation } from "./punctuation";
import { checkApprovedNames } from "./approved-names";
import { checkRules } from "./custom-rules";
import {
  CHECK_IDS,
  DATA_CHECK_IDS,
  WARNING_CHECK_IDS,
  type Check,
  type CheckContext,
  type CheckId,
  type Warning,
} from "./types";
import { checkUntranslated } from "./untranslated";

export { CHECK_IDS, DATA_CHECK_IDS, WARNING_CHECK_IDS };
export type {
  Check,
  CheckContext,
  CheckId,
  CheckSegment,
  ApprovedName,
  CompiledRule,
  RuleSeverity,
  WarningCheck,
  GlossaryEntry,
  LiteralismPattern,
  Warning,
} from "./types";

export const CHECKS: Record<CheckId, Check> = {
  "number-mismatch": checkNumberMismatch,
  "name-inconsistency": checkNameInconsistency,
  untranslated: checkUntranslated,
  glossary: checkGlossary,
  punctuation: checkPunctuation,
  literalism: checkLiteralism,
};

/**
 * Warnings ordered by segment, then position (unlocated ones first), then check order. The
 * data-fed checks (custom rules, approved names) run when the context carries their data.
 */
export function runChecks(ctx: CheckContext, only: readonly CheckId[] = CHECK_IDS): Warning[] {
  const warnings = CHECK_IDS.filter((id) => only.includes(id)).flatMap((id) => CHECKS[id](ctx));
  warnings.push(...checkRules(ctx), ...checkApprovedNames(ctx));
  const order = (w: Warning) => WARNING_CHECK_IDS.indexOf(w.check);
  return warnings.sort(
    (a, b) =>
      a.segmentIndex - b.segmentIndex || (a.start ?? -1) - (b.start ?? -1) || order(a) - order(b),
  );
}
