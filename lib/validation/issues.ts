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

/** What a missing field looks like when written, for the people fixing a file by hand. */
const EXAMPLES: Record<string, string> = {
  engine: '"engine": {"name": …}',
  "engine.name": '"engine": {"name": …}',
  title: '"title": {"mt": …}',
  "title.mt": '"title": {"mt": …}',
  sourceLang: '"sourceLang": "ko"',
  targetLang: '"targetLang": "en"',
  mt: '"mt": "…"',
};

/**
 * The issue as a sentence for people: "engine is missing — add "engine": {"name": …}";
 * other issues as issueMessage says them. The path stays available to machines apart.
 */
export function humanIssueMessage(issue: Issue, root?: string): string {
  const path = issue.path.join(".");
  const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
  if (path && missing) {
    const last = String(issue.path.at(-1));
    return `${path} is missing — add ${EXAMPLES[path] ?? `"${last}": …`}`;
  }
  return issueMessage(issue, root);
}
