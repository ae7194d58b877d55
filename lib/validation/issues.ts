import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/**
 * How a validation problem is told to a person, everywhere (API errors, forms, filters,
 * imports, configuration): "path.to.field: message". An issue about the whole value has
 * no path; `root` names it ("(root)", "input"), or the message stands alone.
 */
export function issueMessage(issue: Issue, root?: string): string {
  const where = issue.path.join(".") || root;
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Every issue, joined for a one-line summary. */
export function issuesMessage(issues: readonly Issue[], root?: string): string {
  return issues.map((i) => issueMessage(i, root)).join("; ");
}
