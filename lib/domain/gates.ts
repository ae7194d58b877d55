// The gate before approving or publishing: what is still open on the article.
// An editor may pass it with a reason; the reason and the blockers it passed
// are recorded in the status change and its audit event.

/** "unconfirmed" is the submit check: segments the reviewer has not confirmed. */
export type BlockerKind = "annotation" | "qa" | "feedback" | "comment" | "unconfirmed";

export interface Blocker {
  kind: BlockerKind;
  count: number;
  detail: string;
}

export interface OpenWork {
  /** Open MQM annotations of severity major or critical. */
  severeAnnotations: number;
  /** QA warnings on the current text that nobody dismissed. */
  qaWarnings: number;
  /** Reader feedback still NEW (not triaged). */
  newFeedback: number;
  /** Comment threads not resolved. */
  openComments: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function gateBlockers(open: OpenWork): Blocker[] {
  const blockers: Blocker[] = [];
  if (open.severeAnnotations > 0)
    blockers.push({
      kind: "annotation",
      count: open.severeAnnotations,
      detail: `${plural(open.severeAnnotations, "open major or critical annotation", "open major or critical annotations")}`,
    });
  if (open.qaWarnings > 0)
    blockers.push({
      kind: "qa",
      count: open.qaWarnings,
      detail: `${plural(open.qaWarnings, "QA warning", "QA warnings")} not dismissed`,
    });
  if (open.newFeedback > 0)
    blockers.push({
      kind: "feedback",
      count: open.newFeedback,
      detail: `${plural(open.newFeedback, "reader report", "reader reports")} not triaged`,
    });
  if (open.openComments > 0)
    blockers.push({
      kind: "comment",
      count: open.openComments,
      detail: `${plural(open.openComments, "unresolved comment", "unresolved comments")}`,
    });
  return blockers;
}
