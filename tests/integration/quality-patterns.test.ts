import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as patternsRoute } from "@/app/api/v1/metrics/patterns/route";
import { POST as createRule } from "@/app/api/v1/qa-rules/route";
import { createApiToken } from "@/lib/server/api-tokens";
import { getArticleWarnings } from "@/lib/server/checks";
import { saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

interface Pattern {
  engine: { key: string; label: string };
  mt: string;
  replacement: string;
  count: number;
  examples: { articleId: string; segmentIndex: number }[];
}

describe("engine error patterns", () => {
  it("lists a fix repeated in 3 segments of one engine; promoted, it flags new MT", async () => {
    const editor = await makeUser("EDITOR");
    const { token } = await createApiToken({ userId: editor.userId, name: "p" }, editor);
    const engine = { name: `Pattern MT ${randomBytes(3).toString("hex")}`, version: "2" };
    const fixed: string[] = [];
    for (const who of ["Kim", "Park", "Choi"]) {
      const mt = `${who}'s eldest son-in-law attended the funeral.`;
      const a = await makeArticle(editor, {
        engine,
        source: `${who}씨의 맏사위가 장례식에 참석했다.`,
        mt,
      });
      await saveRevision({
        articleId: a.id,
        baseRevision: 1,
        actor: editor,
        segments: [{ index: 1, text: `${who}'s eldest son attended the funeral.` }],
      });
      fixed.push(a.id);
    }
    // Two fixes only under another engine: below the threshold, and not mixed in.
    const other = { name: `Other MT ${randomBytes(3).toString("hex")}`, version: "" };
    for (const who of ["Lee", "Han"]) {
      const a = await makeArticle(editor, {
        engine: other,
        source: "맏사위가 왔다.",
        mt: `${who}'s eldest son-in-law came.`,
      });
      await saveRevision({
        articleId: a.id,
        baseRevision: 1,
        actor: editor,
        segments: [{ index: 1, text: `${who}'s eldest son came.` }],
      });
    }

    const list = async (key: string) => {
      const res = await callRoute(patternsRoute, {
        url: `/api/v1/metrics/patterns?engine=${encodeURIComponent(key)}`,
        params: {},
        token,
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Pattern[] }).items;
    };
    const [pattern, ...rest] = await list(`${engine.name}@2`);
    expect(rest).toEqual([]);
    expect(pattern).toMatchObject({
      mt: "son-in-law",
      replacement: "son",
      count: 3,
      engine: { key: `${engine.name}@2` },
    });
    expect(pattern!.examples.map((e) => e.articleId).sort()).toEqual([...fixed].sort());
    expect(await list(other.name)).toEqual([]);

    // Promote (what the dashboard button sends), then new MT of that engine is flagged.
    const promoted = await callRoute(createRule, {
      url: "/api/v1/qa-rules",
      params: {},
      token,
      method: "POST",
      body: {
        kind: "literal",
        pattern: pattern!.mt,
        caseSensitive: true,
        message: `Reviewers usually change "${pattern!.mt}" to "${pattern!.replacement}"`,
        engine: pattern!.engine.key,
      },
    });
    expect(promoted.status).toBe(201);
    const fresh = await makeArticle(editor, {
      engine,
      source: "그녀의 맏사위가 말했다.",
      mt: "Her eldest son-in-law spoke.",
    });
    const flagged = (await getArticleWarnings(fresh.id)).filter((w) => w.check === "rule");
    expect(flagged.map((w) => w.segmentIndex)).toEqual([1]);
    const elsewhere = await makeArticle(editor, {
      engine: other,
      source: "그녀의 맏사위가 말했다.",
      mt: "Her eldest son-in-law spoke.",
    });
    expect((await getArticleWarnings(elsewhere.id)).filter((w) => w.check === "rule")).toEqual([]);
  });
});
