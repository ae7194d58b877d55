import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  shortTitle,
  summarizeAuditEvent,
  type AuditSummaryInput,
} from "@/lib/audit/summary";

const TITLE = "Seoul to open the first hydrogen tram line next spring";
const riley = { name: "Riley", role: "REVIEWER" };

function event(action: string, data: unknown, over: Partial<AuditSummaryInput> = {}) {
  return summarizeAuditEvent({
    action,
    actorType: "USER",
    actorLabel: "riley@test.local",
    entityType: "article",
    entityId: "art1",
    data,
    actor: riley,
    articleTitle: TITLE,
    users: { u2: "Sam", u3: "Pat" },
    ...over,
  });
}

const ART = "'Seoul to open the first hydrogen tram…'";

describe("audit summaries", () => {
  it("shortens titles at a word", () => {
    expect(shortTitle(TITLE)).toBe(ART);
    expect(shortTitle("Short")).toBe("'Short'");
  });

  it.each([
    [
      "revision.create",
      { from: 3, to: 4, segments: [1, 2] },
      `Reviewer Riley saved revision 4 of ${ART} (2 segments)`,
    ],
    [
      "revision.revert",
      { from: 4, to: 5, revertedTo: 2, segments: [1] },
      `Reviewer Riley reverted ${ART} to revision 2 (saved as revision 5)`,
    ],
    [
      "segment.confirm",
      { revision: 2, segments: [{ index: 1, confirmed: true }] },
      `Reviewer Riley confirmed 1 segment of ${ART}`,
    ],
    [
      "article.status",
      { from: "APPROVED", to: "PUBLISHED", slug: { from: "a-x", to: "b-x" } },
      `Reviewer Riley moved ${ART} from Approved to Published at /read/b-x`,
    ],
    [
      "article.status",
      { from: "IN_REVIEW", to: "APPROVED", override: { reason: "ok" } },
      `Reviewer Riley moved ${ART} from In review to Approved past open work`,
    ],
    [
      "article.slug",
      { from: "a-x", to: "b-x" },
      `Reviewer Riley moved ${ART} to /read/b-x (the old URL redirects)`,
    ],
    ["article.ingest", { segmentCount: 7 }, `Reviewer Riley ingested ${ART} (7 segments)`],
    ["article.import", { revisions: 1 }, `Reviewer Riley imported ${ART} (1 revision)`],
    ["article.assign", { from: null, to: "u2" }, `Reviewer Riley assigned ${ART} to Sam`],
    ["article.assign", { from: "u2", to: null }, `Reviewer Riley unassigned ${ART}`],
    [
      "annotation.create",
      { segmentIndex: 0, category: "Accuracy/Mistranslation", severity: "MAJOR" },
      `Reviewer Riley annotated the headline of ${ART}: Accuracy/Mistranslation (major)`,
    ],
    ["annotation.update", { changes: {} }, `Reviewer Riley edited an annotation on ${ART}`],
    [
      "annotation.resolve",
      { from: "OPEN", to: "RESOLVED" },
      `Reviewer Riley marked an annotation on ${ART} as resolved`,
    ],
    [
      "comment.create",
      { segmentIndex: 2, parentId: null },
      `Reviewer Riley commented on paragraph 2 of ${ART}`,
    ],
    [
      "comment.create",
      { segmentIndex: null, parentId: "c1" },
      `Reviewer Riley replied to a comment on ${ART}`,
    ],
    ["comment.resolve", { comment: "c1" }, `Reviewer Riley resolved a comment on ${ART}`],
    ["comment.reopen", { comment: "c1" }, `Reviewer Riley reopened a comment on ${ART}`],
    [
      "qa.dismiss",
      { segmentIndex: 3, check: "number-mismatch" },
      `Reviewer Riley dismissed the number-mismatch warning on paragraph 3 of ${ART}`,
    ],
    [
      "feedback.triage",
      { from: "NEW", to: "REJECTED", reason: "Reads fine", bulk: true },
      `Reviewer Riley marked reader feedback on ${ART} as rejected (bulk): Reads fine`,
    ],
    [
      "glossary.create",
      { sourceTerm: "국회", targetTerm: "National Assembly" },
      "Reviewer Riley added the glossary term 국회 → National Assembly",
    ],
    [
      "glossary.update",
      { before: { sourceTerm: "국회" }, after: {} },
      "Reviewer Riley edited the glossary term 국회",
    ],
    ["glossary.delete", { sourceTerm: "국회" }, "Reviewer Riley deleted the glossary term 국회"],
    ["glossary.import", { rows: 12 }, "Reviewer Riley imported 12 glossary rows"],
    [
      "token.create",
      { userId: "u3", name: "cms" },
      'Reviewer Riley created the API token "cms" for Pat',
    ],
    [
      "token.revoke",
      { userId: "u3", name: "cms" },
      'Reviewer Riley revoked the API token "cms" of Pat',
    ],
    [
      "user.create",
      { email: "new@test.local", role: "EDITOR" },
      "Reviewer Riley created the user new@test.local (Editor)",
    ],
    ["user.disable", { email: "x@test.local" }, "Reviewer Riley disabled the user x@test.local"],
    ["user.enable", { email: "x@test.local" }, "Reviewer Riley enabled the user x@test.local"],
    ["user.password_change", {}, "Reviewer Riley changed their password"],
    [
      "user.time_zone",
      { from: null, to: "Asia/Seoul" },
      "Reviewer Riley set their time zone to Asia/Seoul",
    ],
    [
      "user.time_zone",
      { from: "Asia/Seoul", to: null },
      "Reviewer Riley set their time zone to the default",
    ],
    [
      "user.password_reset",
      { email: "x@test.local" },
      "Reviewer Riley reset the password of x@test.local",
    ],
    ["auth.signin", { email: "riley@test.local" }, "Reviewer Riley signed in"],
    [
      "auth.signin",
      { email: "riley@test.local", method: "sso", issuer: "https://idp.example" },
      "Reviewer Riley signed in through SSO",
    ],
    ["auth.signout", {}, "Reviewer Riley signed out"],
    [
      "auth.signin_failed",
      { email: "x@test.local", reason: "wrong password" },
      "Failed sign-in for x@test.local (wrong password)",
    ],
    [
      "auth.signin_throttled",
      { email: "x@test.local", refused: 3 },
      "Sign-ins for x@test.local throttled (3 attempts refused)",
    ],
    ["audit.export", { format: "csv" }, "Reviewer Riley exported the audit log as CSV"],
  ])("%s %j", (action, data, expected) => {
    expect(event(action, data)).toBe(expected);
  });

  it("names a changed role by the user's name", () => {
    expect(
      event(
        "user.role",
        { from: "VIEWER", to: "REVIEWER" },
        { entityType: "user", entityId: "u2" },
      ),
    ).toBe("Reviewer Riley changed Sam's role from Viewer to Reviewer");
  });

  it("speaks of anonymous readers, tokens and the system", () => {
    expect(
      event(
        "feedback.submit",
        { category: "MISTRANSLATION", segmentIndex: 1 },
        { actorType: "ANONYMOUS", actorLabel: "anonymous reader", actor: null },
      ),
    ).toBe(`A reader reported mistranslation on paragraph 1 of ${ART}`);
    expect(event("auth.signin", {}, { actorType: "TOKEN" })).toBe(
      "Reviewer Riley (API token) signed in",
    );
    expect(
      event(
        "article.ingest",
        { segmentCount: 2 },
        { actorType: "SYSTEM", actorLabel: "seed", actor: null },
      ),
    ).toBe(`Seed ingested ${ART} (2 segments)`);
  });

  it("falls back to the label, an unnamed article and the raw action", () => {
    expect(
      event("revision.create", { to: 2, segments: [1] }, { actor: null, articleTitle: null }),
    ).toBe("riley@test.local saved revision 2 of an article (1 segment)");
    expect(event("something.new", {})).toBe("Reviewer Riley: something.new on article art1");
  });

  it("has a sentence for every action the application writes", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(event(action, {})).not.toContain(`: ${action} on`);
    }
  });
});
