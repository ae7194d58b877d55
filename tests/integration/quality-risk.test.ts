import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/articles/route";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { dismissWarning, getArticleWarnings } from "@/lib/server/checks";
import { createQaRule } from "@/lib/server/qa-rules";
import { refreshAllRisk } from "@/lib/server/risk";
import { saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

const RISKY = {
  title: { source: "반도체 지원", mt: "Chip support" },
  source: [
    "정부는 반도체 산업에 10조 원을 투입한다고 밝혔다.",
    "이재명 대통령은 공장을 방문했다.",
    "이재명 대통령은 기자들과 만났다.",
  ].join("\n\n"),
  mt: [
    "The government said it will invest 10 billion won in the semiconductor industry.",
    "President Lee Jae-myung visited the plant.",
    "President Lee Jae-myeong met reporters.",
  ].join("\n\n"),
};

interface ListBody {
  items: { id: string; risk: { score: number; reasons: { factor: string; message: string }[] } }[];
  nextCursor: string | null;
}

async function setup() {
  const editor = await makeUser("EDITOR");
  const { token } = await createApiToken({ userId: editor.userId, name: "risk" }, editor);
  const outlet = `Risk ${randomBytes(4).toString("hex")}`;
  const calm = await makeArticle(editor, { outlet });
  const risky = await makeArticle(editor, { outlet, ...RISKY });
  const calm2 = await makeArticle(editor, { outlet });
  const list = async (extra = "") => {
    const res = await callRoute(listRoute, {
      url: `/api/v1/articles?outlet=${encodeURIComponent(outlet)}&sort=risk${extra}`,
      params: {},
      token,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ListBody;
  };
  return { editor, calm, calm2, risky, list };
}

describe("risk-ranked queue", () => {
  it("GET /articles?sort=risk puts the article with QA warnings first, with its reasons", async () => {
    const { risky, calm, calm2, list } = await setup();
    const page = await list();
    expect(page.items.map((i) => i.id)[0]).toBe(risky.id);
    expect(page.items.map((i) => i.id).sort()).toEqual([risky.id, calm.id, calm2.id].sort());
    const top = page.items[0]!;
    expect(top.risk.score).toBeGreaterThan(page.items[1]!.risk.score);
    expect(top.risk.reasons[0]).toMatchObject({ factor: "warnings" });
    expect(top.risk.reasons[0]!.message).toContain("number-mismatch");
  });

  it("pages riskiest first with a risk cursor, without repeating or skipping", async () => {
    const { risky, calm, calm2, list } = await setup();
    const first = await list("&limit=1");
    expect(first.items.map((i) => i.id)).toEqual([risky.id]);
    expect(first.nextCursor).not.toBeNull();
    const rest = await list(`&limit=5&cursor=${first.nextCursor}`);
    expect(rest.items.map((i) => i.id).sort()).toEqual([calm.id, calm2.id].sort());
  });

  it("stores a lower score when a warning is dismissed and when the text is fixed", async () => {
    const { editor, risky } = await setup();
    const stored = async () =>
      (await db().article.findUniqueOrThrow({ where: { id: risky.id } })).riskScore;
    const before = await stored();
    expect(before).toBeGreaterThan(0);

    const name = (await getArticleWarnings(risky.id)).find(
      (w) => w.check === "name-inconsistency",
    )!;
    await dismissWarning({ articleId: risky.id, ...name }, editor);
    const afterDismiss = await stored();
    expect(afterDismiss).toBeLessThan(before);

    await saveRevision({
      articleId: risky.id,
      baseRevision: 1,
      actor: editor,
      segments: [
        {
          index: 1,
          text: "The government said it will invest 10 trillion won in the semiconductor industry.",
        },
      ],
    });
    expect(await stored()).toBeLessThan(afterDismiss);
  });

  it("rejects a cursor of the other order with 400", async () => {
    const { list } = await setup();
    const first = await list("&limit=1");
    const res = await callRoute(listRoute, {
      url: `/api/v1/articles?cursor=${first.nextCursor}`,
      params: {},
      token: (
        await createApiToken(
          { userId: (await makeUser("VIEWER")).userId, name: "v" },
          { type: "SYSTEM", label: "test" },
        )
      ).token,
    });
    expect(res.status).toBe(400);
  });

  it("a new QA rule rescores articles only on refresh-risk (the documented staleness)", async () => {
    // Its own engine, and the rule scoped to it: a rule for every engine would flag every
    // later article of the shared test database ("second paragraph" is in all of them).
    const editor = await makeUser("EDITOR");
    const engine = { name: `Risk MT ${randomBytes(4).toString("hex")}`, version: "1" };
    const calm = await makeArticle(editor, { engine });
    const stored = async () =>
      (await db().article.findUniqueOrThrow({ where: { id: calm.id } })).riskScore;
    const before = await stored();
    await createQaRule(
      {
        kind: "literal",
        pattern: "second paragraph",
        sourcePattern: null,
        caseSensitive: false,
        message: "m",
        severity: "warning",
        sourceLang: null,
        targetLang: null,
        engine: engine.name,
        enabled: true,
      },
      editor,
    );
    expect(await stored()).toBe(before);
    expect(await refreshAllRisk()).toBeGreaterThanOrEqual(1);
    expect(await stored()).toBeGreaterThan(before);
  });
});
