import { CATEGORY_LABEL, STATUS_LABEL as FEEDBACK_STATUS_LABEL } from "@/lib/domain/feedback";
import type { FeedbackCategory, FeedbackStatus } from "@/lib/domain/feedback";
import type { ArticleStatus } from "@/lib/domain/types";
import { STATUS_LABEL } from "@/lib/domain/workflow";

// One line a person can read for each audit event ("Reviewer Riley saved revision 4 of
// 'Seoul to open…' (2 segments)"). Pure: the caller looks up names and titles; the raw event
// stays available beside it.

export interface AuditSummaryInput {
  action: string;
  actorType: string;
  actorLabel: string;
  entityType: string;
  entityId: string;
  data: unknown;
  /** The acting user's name and current role, when the actor is a known user. */
  actor: { name: string; role: string } | null;
  /** The article the event is about, when it is about one. */
  articleTitle: string | null;
  /** Names of users the event's data refers to (assignee, token owner, …), by id. */
  users?: Readonly<Record<string, string>>;
}

/** Every action the application writes, for filters. */
export const AUDIT_ACTIONS = [
  "annotation.create",
  "annotation.resolve",
  "annotation.update",
  "article.assign",
  "article.import",
  "article.ingest",
  "article.slug",
  "article.status",
  "audit.export",
  "auth.signin",
  "auth.signin_failed",
  "auth.signin_throttled",
  "auth.signout",
  "comment.create",
  "comment.reopen",
  "comment.resolve",
  "feedback.contact_erase",
  "feedback.submit",
  "feedback.triage",
  "glossary.create",
  "glossary.delete",
  "glossary.import",
  "glossary.update",
  "qa.dismiss",
  "revision.create",
  "revision.revert",
  "segment.confirm",
  "token.create",
  "token.revoke",
  "user.create",
  "user.disable",
  "user.enable",
  "user.password_change",
  "user.password_reset",
  "user.role",
  "user.time_zone",
  "webhook.create",
  "webhook.delete",
  "webhook.retry",
] as const;

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

/** 'Seoul to open the first…': quoted, cut at a word near 40 characters. */
export function shortTitle(title: string, max = 40): string {
  const flat = title.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return `'${flat}'`;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `'${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…'`;
}

function who(e: AuditSummaryInput): string {
  if (e.actorType === "ANONYMOUS") return "A reader";
  if (e.actorType === "SYSTEM") return capital(e.actorLabel);
  const base = e.actor ? `${capital(e.actor.role)} ${e.actor.name}` : e.actorLabel;
  return e.actorType === "TOKEN" ? `${base} (API token)` : base;
}

const articleStatus = (v: unknown) => STATUS_LABEL[v as ArticleStatus] ?? String(v);
const feedbackStatus = (v: unknown) =>
  (FEEDBACK_STATUS_LABEL[v as FeedbackStatus] ?? String(v)).toLowerCase();
/** "the headline of ", "paragraph 2 of ", or "" for the whole article. */
const partOf = (v: unknown) => {
  const i = num(v);
  return i === null ? "" : i === 0 ? "the headline of " : `paragraph ${i} of `;
};

export function summarizeAuditEvent(e: AuditSummaryInput): string {
  const d: Data = typeof e.data === "object" && e.data !== null ? (e.data as Data) : {};
  const actor = who(e);
  const art = e.articleTitle !== null ? shortTitle(e.articleTitle) : "an article";
  const userName = (id: unknown) =>
    (typeof id === "string" && e.users?.[id]) || (id ? "a user" : "nobody");

  switch (e.action) {
    case "revision.create": {
      const n = count(d.segments);
      return `${actor} saved revision ${num(d.to) ?? "?"} of ${art} (${plural(n, "segment")})`;
    }
    case "revision.revert":
      return `${actor} reverted ${art} to revision ${num(d.revertedTo) ?? "?"} (saved as revision ${num(d.to) ?? "?"})`;
    case "segment.confirm":
      return `${actor} confirmed ${plural(count(d.segments), "segment")} of ${art}`;
    case "article.status": {
      const slug = d.slug as { to?: unknown } | undefined;
      return (
        `${actor} moved ${art} from ${articleStatus(d.from)} to ${articleStatus(d.to)}` +
        (d.override ? " past open work" : "") +
        (slug && str(slug.to) ? ` at /read/${str(slug.to)}` : "")
      );
    }
    case "article.slug":
      return `${actor} moved ${art} to /read/${str(d.to) ?? "?"} (the old URL redirects)`;
    case "article.ingest":
      return `${actor} ingested ${art} (${plural(num(d.segmentCount) ?? 0, "segment")})`;
    case "article.import":
      return `${actor} imported ${art} (${plural(num(d.revisions) ?? 0, "revision")})`;
    case "article.assign":
      return d.to ? `${actor} assigned ${art} to ${userName(d.to)}` : `${actor} unassigned ${art}`;
    case "annotation.create":
      return `${actor} annotated ${partOf(d.segmentIndex)}${art}: ${str(d.category) ?? "issue"} (${(str(d.severity) ?? "?").toLowerCase()})`;
    case "annotation.update":
      return `${actor} edited an annotation on ${art}`;
    case "annotation.resolve":
      return `${actor} marked an annotation on ${art} as ${(str(d.to) ?? "?").toLowerCase()}`;
    case "comment.create":
      return `${actor} ${d.parentId ? "replied to a comment" : "commented"} on ${partOf(d.segmentIndex)}${art}`;
    case "comment.resolve":
      return `${actor} resolved a comment on ${art}`;
    case "comment.reopen":
      return `${actor} reopened a comment on ${art}`;
    case "qa.dismiss":
      return `${actor} dismissed the ${str(d.check) ?? "QA"} warning on ${partOf(d.segmentIndex)}${art}`;
    case "feedback.submit":
      return `${actor} reported ${(CATEGORY_LABEL[d.category as FeedbackCategory] ?? "a problem").toLowerCase()} on ${partOf(d.segmentIndex)}${art}`;
    case "feedback.triage":
      return (
        `${actor} marked reader feedback on ${art} as ${feedbackStatus(d.to)}` +
        (d.bulk ? " (bulk)" : "") +
        (str(d.reason) ? `: ${str(d.reason)}` : "")
      );
    case "feedback.contact_erase":
      return (
        `The reader's email address on feedback about ${art} was erased` +
        (d.emailed ? " after telling them the outcome" : ` (${str(d.reason) ?? "not emailed"})`)
      );
    case "webhook.create":
      return `${actor} created a webhook to ${str(d.url) ?? "?"} (${plural(count(d.events), "event")})`;
    case "webhook.delete":
      return `${actor} deleted the webhook to ${str(d.url) ?? "?"}`;
    case "webhook.retry":
      return `${actor} retried a ${str(d.eventType) ?? "webhook"} delivery to ${str(d.url) ?? "?"}`;
    case "glossary.create":
      return `${actor} added the glossary term ${str(d.sourceTerm) ?? "?"} → ${str(d.targetTerm) ?? "?"}`;
    case "glossary.update": {
      const before = (d.before ?? {}) as Data;
      return `${actor} edited the glossary term ${str(before.sourceTerm) ?? "?"}`;
    }
    case "glossary.delete":
      return `${actor} deleted the glossary term ${str(d.sourceTerm) ?? "?"}`;
    case "glossary.import":
      return `${actor} imported ${plural(num(d.rows) ?? 0, "glossary row")}`;
    case "token.create":
      return `${actor} created the API token "${str(d.name) ?? "?"}" for ${userName(d.userId)}`;
    case "token.revoke":
      return `${actor} revoked the API token "${str(d.name) ?? "?"}" of ${userName(d.userId)}`;
    case "user.create":
      return `${actor} created the user ${str(d.email) ?? "?"} (${capital(str(d.role) ?? "?")})`;
    case "user.role":
      return `${actor} changed ${userName(e.entityId)}'s role from ${capital(str(d.from) ?? "?")} to ${capital(str(d.to) ?? "?")}`;
    case "user.disable":
      return `${actor} disabled the user ${str(d.email) ?? "?"}`;
    case "user.enable":
      return `${actor} enabled the user ${str(d.email) ?? "?"}`;
    case "user.time_zone":
      return `${actor} set their time zone to ${str(d.to) ?? "the default"}`;
    case "user.password_change":
      return `${actor} changed their password`;
    case "user.password_reset":
      return `${actor} reset the password of ${str(d.email) ?? "?"}`;
    case "auth.signin":
      return d.method === "sso" ? `${actor} signed in through SSO` : `${actor} signed in`;
    case "auth.signout":
      return `${actor} signed out`;
    case "auth.signin_failed":
      return `Failed sign-in for ${str(d.email) ?? "?"} (${str(d.reason) ?? "?"})`;
    case "auth.signin_throttled":
      return `Sign-ins for ${str(d.email) ?? "a client"} throttled (${plural(num(d.refused) ?? 0, "attempt")} refused)`;
    case "audit.export":
      return `${actor} exported the audit log as ${(str(d.format) ?? "?").toUpperCase()}`;
    default:
      return `${actor}: ${e.action} on ${e.entityType} ${e.entityId}`;
  }
}
