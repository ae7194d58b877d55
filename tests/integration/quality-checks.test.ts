import { describe, expect, it } from "vitest";
import { GET as checksRoute } from "@/app/api/v1/articles/[id]/checks/route";
import { POST as dismissRoute } from "@/app/api/v1/articles/[id]/checks/dismiss/route";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { getArticleWarnings, warningFingerprint } from "@/lib/server/checks";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

const SOURCE = [
  "정부는 반도체 산업에 10조 원을 투입한다고 밝혔다.",
  "이재명 대통령은 공장을 방문했다.",
  "이재명 대통령은 기자들과 만났다.",
].join("\n\n");
const MT = [
  "The government said it will invest 10 billion won in the semiconductor industry.",
  "President Lee Jae-myung visited the plant.",
  "President Lee Jae-myeong met reporters.",
].join("\n\n");

async function articleWithErrors() {
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(editor, {
    title: { source: "반도체 지원", mt: "Chip support" },
    source: SOURCE,
    mt: MT,
  });
  return { editor, article };
}

describe("QA checks on an article", () => {
  it("flags the wrong amount and the second spelling of the name on their segments", async () => {
    const { article } = await articleWithErrors();
    const warnings = await getArticleWarnings(article.id);
    const numbers = warnings.filter((w) => w.check === "number-mismatch");
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatchObject({ segmentIndex: 1 });
    expect(numbers[0]!.message).toContain("10 billion");
    const mt1 = MT.split("\n\n")[0]!;
    expect(mt1.slice(numbers[0]!.start, numbers[0]!.end)).toContain("10 billion");

    const names = warnings.filter((w) => w.check === "name-inconsistency");
    expect(names.map((w) => w.segmentIndex)).toEqual([3]);
    expect(names[0]!.message).toContain("Lee Jae-myeong");
    for (const w of warnings) expect(w.fingerprint).toBe(warningFingerprint(w));
  });

  it("GET /checks lists them; dismissing hides one, is audited, and is idempotent", async () => {
    const { article } = await articleWithErrors();
    const reviewer = await makeUser("REVIEWER");
    const { token } = await createApiToken({ userId: reviewer.userId, name: "qa" }, reviewer);
    const list = async () =>
      (
        await (
          await callRoute(checksRoute, {
            url: `/api/v1/articles/${article.id}/checks`,
            params: { id: article.id },
            token,
          })
        ).json()
      ).items as { segmentIndex: number; check: string; fingerprint: string }[];
    const before = await list();
    const target = before.find((w) => w.check === "name-inconsistency")!;
    const dismiss = (body: unknown, tok = token) =>
      callRoute(dismissRoute, {
        url: `/api/v1/articles/${article.id}/checks/dismiss`,
        params: { id: article.id },
        token: tok,
        method: "POST",
        body,
      });
    const body = {
      segmentIndex: target.segmentIndex,
      check: target.check,
      fingerprint: target.fingerprint,
      reason: "Both spellings are quoted from documents",
    };
    const viewer = await makeUser("VIEWER");
    const viewerToken = (await createApiToken({ userId: viewer.userId, name: "v" }, viewer)).token;
    expect((await dismiss(body, viewerToken)).status).toBe(403);
    expect((await dismiss({ ...body, fingerprint: "0".repeat(32) })).status).toBe(404);

    const res = await dismiss(body);
    expect(res.status).toBe(201);
    const after = await list();
    expect(after).toHaveLength(before.length - 1);
    expect(after.some((w) => w.fingerprint === target.fingerprint)).toBe(false);

    expect((await dismiss(body)).status).toBe(200);
    const audits = await db().auditEvent.findMany({
      where: { action: "qa.dismiss", entityId: article.id },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(reviewer.userId);
    expect(audits[0]!.data).toMatchObject({ check: "name-inconsistency", reason: body.reason });
  });

  it("uses the glossary for the article's language pair", async () => {
    const editor = await makeUser("EDITOR");
    // A made-up Hangul word, unique per run (the glossary table is shared by tests).
    const term = Array.from({ length: 5 }, () =>
      String.fromCharCode(0xac00 + Math.floor(Math.random() * 11_000)),
    ).join("");
    await db().glossaryTerm.create({
      data: { sourceLang: "ko", targetLang: "en", sourceTerm: term, targetTerm: "special term" },
    });
    const article = await makeArticle(editor, {
      title: { source: "제목", mt: "Title" },
      source: `${term}에 관한 문단입니다.`,
      mt: "A paragraph about something.",
    });
    const warnings = await getArticleWarnings(article.id);
    expect(warnings.find((w) => w.check === "glossary")).toMatchObject({ segmentIndex: 1 });
  });
});
