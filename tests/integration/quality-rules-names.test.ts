import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as createName } from "@/app/api/v1/approved-names/route";
import { POST as applyRoute } from "@/app/api/v1/articles/[id]/checks/apply/route";
import { GET as checksRoute } from "@/app/api/v1/articles/[id]/checks/route";
import { DELETE as deleteRule, PATCH as patchRule } from "@/app/api/v1/qa-rules/[id]/route";
import { GET as listRules, POST as createRule } from "@/app/api/v1/qa-rules/route";
import { db } from "@/lib/db";
import { correctedNames } from "@/lib/quality/checks/approved-names";
import { createApiToken } from "@/lib/server/api-tokens";
import { dismissWarning, getArticleWarnings } from "@/lib/server/checks";
import { saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

const tokenFor = async (role: "EDITOR" | "REVIEWER") => {
  const user = await makeUser(role);
  return { user, token: (await createApiToken({ userId: user.userId, name: "t" }, user)).token };
};

interface Warning {
  check: string;
  segmentIndex: number;
  ruleId?: string;
  replacement?: string;
  start?: number;
  fingerprint: string;
}
const checksOf = async (articleId: string, token: string) =>
  (
    (await (
      await callRoute(checksRoute, {
        url: `/api/v1/articles/${articleId}/checks`,
        params: { id: articleId },
        token,
      })
    ).json()) as { items: Warning[] }
  ).items;

describe("custom QA rules", () => {
  it("editors create a rule; its warnings show as check rule with ruleId; dismissal sticks", async () => {
    const { user: editor, token } = await tokenFor("EDITOR");
    const phrase = `person concerned ${randomBytes(3).toString("hex")}`;
    const res = await callRoute(createRule, {
      url: "/api/v1/qa-rules",
      params: {},
      token,
      method: "POST",
      body: { kind: "literal", pattern: phrase, message: "Say who it is", severity: "error" },
    });
    expect(res.status).toBe(201);
    const rule = (await res.json()) as { id: string };

    const article = await makeArticle(editor, {
      source: "관계자는 말했다.\n\n관계자가 떠났다.",
      mt: `The ${phrase} said so.\n\nThe ${phrase} left.`,
    });
    const hits = (await checksOf(article.id, token)).filter((w) => w.check === "rule");
    expect(hits.map((w) => [w.segmentIndex, w.ruleId])).toEqual([
      [1, rule.id],
      [2, rule.id],
    ]);

    await dismissWarning({ articleId: article.id, ...hits[0]!, check: "rule" }, editor);
    const after = (await checksOf(article.id, token)).filter((w) => w.check === "rule");
    expect(after.map((w) => w.segmentIndex)).toEqual([2]);

    // Disabled: no warnings; deleted: gone from the list, then 404.
    const patched = await callRoute(patchRule, {
      url: `/api/v1/qa-rules/${rule.id}`,
      params: { id: rule.id },
      token,
      method: "PATCH",
      body: { enabled: false },
    });
    expect(patched.status).toBe(200);
    expect((await checksOf(article.id, token)).filter((w) => w.check === "rule")).toEqual([]);
    const del = () =>
      callRoute(deleteRule, {
        url: `/api/v1/qa-rules/${rule.id}`,
        params: { id: rule.id },
        token,
        method: "DELETE",
      });
    expect((await del()).status).toBe(200);
    expect((await del()).status).toBe(404);
    const audit = await db().auditEvent.findMany({
      where: { entityType: "qaRule", entityId: rule.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["qaRule.create", "qaRule.update", "qaRule.delete"]);
  });

  it("applies only to its engine and needs its source condition", async () => {
    const { user: editor, token } = await tokenFor("EDITOR");
    const word = `zq${randomBytes(3).toString("hex")}`;
    const body = (extra: object) => ({
      kind: "regex",
      pattern: `\\b${word}\\b`,
      message: "m",
      ...extra,
    });
    for (const extra of [{ engine: "Other MT" }, { sourcePattern: "맏사위" }]) {
      const res = await callRoute(createRule, {
        url: "/api/v1/qa-rules",
        params: {},
        token,
        method: "POST",
        body: body(extra),
      });
      expect(res.status).toBe(201);
    }
    const article = await makeArticle(editor, {
      source: "그의 맏사위가 왔다.\n\n사위가 왔다.",
      mt: `His ${word} came.\n\nHis ${word} came.`,
    });
    const hits = (await checksOf(article.id, token)).filter((w) => w.check === "rule");
    expect(hits.map((w) => w.segmentIndex)).toEqual([1]);
  });

  it("refuses catastrophic, invalid and overlong patterns with 400; reviewers get 403", async () => {
    const { token } = await tokenFor("EDITOR");
    for (const pattern of ["(a+)+$", "(unclosed", "x".repeat(201), "a*"]) {
      const res = await callRoute(createRule, {
        url: "/api/v1/qa-rules",
        params: {},
        token,
        method: "POST",
        body: { kind: "regex", pattern, message: "m" },
      });
      expect(res.status).toBe(400);
    }
    const reviewer = await tokenFor("REVIEWER");
    const res = await callRoute(listRules, {
      url: "/api/v1/qa-rules",
      params: {},
      token: reviewer.token,
    });
    expect(res.status).toBe(403);
  });
});

describe("fix once, flag everywhere", () => {
  it("a name fixed and approved flags another article's variant, replaced in one click", async () => {
    const { user: editor, token } = await tokenFor("EDITOR");
    // A made-up name, so approved names of other tests cannot interfere.
    const tag = randomBytes(2).toString("hex").replace(/\d/g, "x");
    const wrong = `Volodymyr Zelensky${tag}`;
    const right = `Volodymyr Zelenskyy${tag}`;
    const first = await makeArticle(editor, {
      source: "젤렌스키 대통령이 말했다.",
      mt: `Ukraine President ${wrong} spoke.`,
    });
    const fixed = `Ukraine President ${right} spoke.`;
    await saveRevision({
      articleId: first.id,
      baseRevision: 1,
      actor: editor,
      segments: [{ index: 1, text: fixed }],
    });
    // What the workspace offers after that save:
    expect(correctedNames(`Ukraine President ${wrong} spoke.`, fixed)).toEqual([
      { from: wrong, to: right },
    ]);
    const approved = await callRoute(createName, {
      url: "/api/v1/approved-names",
      params: {},
      token,
      method: "POST",
      body: { targetLang: "en", spelling: right },
    });
    expect(approved.status).toBe(201);

    const other = await makeArticle(editor, {
      source: "젤렌스키 대통령은 회담했다.",
      mt: `President ${wrong} held talks.`,
    });
    const [flag, ...more] = (await checksOf(other.id, token)).filter(
      (w) => w.check === "approved-name",
    );
    expect(more).toEqual([]);
    expect(flag).toMatchObject({ segmentIndex: 1, replacement: right });
    expect((await getArticleWarnings(first.id)).filter((w) => w.check === "approved-name")).toEqual(
      [],
    );

    const applied = await callRoute(applyRoute, {
      url: `/api/v1/articles/${other.id}/checks/apply`,
      params: { id: other.id },
      token,
      method: "POST",
      body: { segmentIndex: 1, fingerprint: flag!.fingerprint, start: flag!.start },
    });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toEqual({ revision: 2, text: `President ${right} held talks.` });
    expect((await checksOf(other.id, token)).filter((w) => w.check === "approved-name")).toEqual(
      [],
    );
    // The same request again: the warning is gone, nothing is written.
    const again = await callRoute(applyRoute, {
      url: `/api/v1/articles/${other.id}/checks/apply`,
      params: { id: other.id },
      token,
      method: "POST",
      body: { segmentIndex: 1, fingerprint: flag!.fingerprint, start: flag!.start },
    });
    expect(again.status).toBe(404);
  });
});
