import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getArticleView } from "@/lib/server/articles";
import { getArticleDetail } from "@/lib/server/article-detail";
import { exportArticle, streamApprovedTmx } from "@/lib/server/export-formats";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { importXliff } from "@/lib/server/xliff-import";
import { makeArticle, makeUser } from "./factories";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("article detail", () => {
  it("has the metadata, workflow pointers and current text; 404 for an unknown id", async () => {
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 2, text: "Second, edited." }],
      actor: editor,
    });
    const detail = await getArticleDetail(a.id);
    expect(detail).toMatchObject({
      id: a.id,
      revision: 2,
      status: "IN_REVIEW",
      approvedRevision: null,
      publishedRevision: null,
      assignee: null,
      engine: { name: "Test MT", version: "1" },
    });
    expect(detail.segments[2]).toEqual({
      index: 2,
      kind: "PARAGRAPH",
      source: "둘째 문단입니다.",
      mt: "This is the second paragraph.",
      text: "Second, edited.",
      confirmed: false,
    });
    expect(detail.progress).toEqual({ confirmed: 0, total: 4 });
    await expect(getArticleDetail("nope")).rejects.toMatchObject({ status: 404 });
  });
});

describe("XLIFF round trip into a new revision", () => {
  it("creates an IMPORT revision from edited targets (2.0 and 1.2)", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    const x2 = await exportArticle(a.id, "xliff");
    expect(x2.filename).toMatch(/-r1\.xlf$/);
    const edited = x2.body.replace(
      "<target>This is the second paragraph.</target>",
      "<target>The second paragraph, translated in a CAT tool.</target>",
    );
    expect(edited).not.toBe(x2.body);
    const res = await importXliff({
      articleId: a.id,
      baseRevision: 1,
      xml: edited,
      actor: reviewer,
    });
    expect(res).toEqual({ created: true, revision: 2 });
    const rev = await db().revision.findFirstOrThrow({ where: { articleId: a.id, number: 2 } });
    expect(rev).toMatchObject({ kind: "IMPORT", segmentsChanged: 1, authorId: reviewer.userId });
    expect((await getArticleView(a.id)).segments[2]!.text).toBe(
      "The second paragraph, translated in a CAT tool.",
    );

    // The same file again changes nothing: 200-style result, no revision.
    expect(
      await importXliff({ articleId: a.id, baseRevision: 2, xml: edited, actor: reviewer }),
    ).toEqual({ created: false, revision: 2 });

    // A stale base is a conflict, whatever the file says.
    await expect(
      importXliff({ articleId: a.id, baseRevision: 1, xml: edited, actor: reviewer }),
    ).rejects.toMatchObject({ status: 409, details: { currentRevision: 2 } });

    const x12 = await exportArticle(a.id, "xliff12");
    const edited12 = x12.body.replace(
      "<target>This is the third paragraph.</target>",
      "<target>Third, via XLIFF 1.2.</target>",
    );
    expect(
      await importXliff({ articleId: a.id, baseRevision: 2, xml: edited12, actor: reviewer }),
    ).toEqual({ created: true, revision: 3 });
  });

  it("refuses malformed XML, foreign units, wrong source and wrong languages with 400", async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    const { body } = await exportArticle(a.id, "xliff");
    const attempt = (xml: string) =>
      importXliff({ articleId: a.id, baseRevision: 1, xml, actor: reviewer });
    await expect(attempt("<xliff")).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("Not an XLIFF document"),
    });
    await expect(attempt(body.replace('id="s3"', 'id="s9"'))).rejects.toMatchObject({
      status: 400,
      message: "Unit s9: the article has no segment 9",
    });
    await expect(
      attempt(body.replace("<source>둘째 문단입니다.</source>", "<source>다른 글</source>")),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("Unit s2: <source>") });
    await expect(attempt(body.replace('trgLang="en"', 'trgLang="de"'))).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("do not match"),
    });
    await expect(
      importXliff({ articleId: "missing", baseRevision: 1, xml: body, actor: reviewer }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("exports", () => {
  it("names files and types for every format", async () => {
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    const types = {
      json: "application/json",
      xliff: "application/xliff+xml",
      xliff12: "application/xliff+xml",
      md: "text/markdown",
      html: "text/html",
    } as const;
    for (const [format, type] of Object.entries(types)) {
      const file = await exportArticle(a.id, format as keyof typeof types);
      expect(file.contentType).toContain(type);
      expect(file.filename.startsWith(a.slug)).toBe(true);
      expect(file.body.length).toBeGreaterThan(50);
    }
    expect((await exportArticle(a.id, "md")).body).toContain("# A title");
  });

  it("TMX holds approved text only: 409 before approval, later edits left out", async () => {
    const editor = await makeUser("EDITOR");
    const engine = { name: `TMX engine ${Date.now()}`, version: "2" };
    const a = await makeArticle(editor, { engine });
    await expect(exportArticle(a.id, "tmx")).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("no approved revision"),
    });
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "Approved first paragraph." }],
      actor: editor,
    });
    await changeStatus({ articleId: a.id, to: "APPROVED", actor: editor });
    await saveRevision({
      articleId: a.id,
      baseRevision: 2,
      segments: [{ index: 1, text: "Unapproved later edit." }],
      actor: editor,
    });
    const tmx = await exportArticle(a.id, "tmx");
    expect(tmx.filename).toMatch(/-r2\.tmx$/);
    expect(tmx.body).toContain("<seg>Approved first paragraph.</seg>");
    expect(tmx.body).toContain("<seg>첫 문단입니다.</seg>");
    expect(tmx.body).not.toContain("Unapproved later edit.");

    // An article of the same engine that was never approved is not in the engine-wide TMX.
    const other = await makeArticle(editor, { engine });
    const all = await readAll(streamApprovedTmx({ engine: `${engine.name}@2` }));
    expect(all).toMatch(/^<\?xml[\s\S]*<tmx version="1.4">[\s\S]*<\/tmx>\n$/);
    expect(all).toContain(`<prop type="x-article">${a.id}</prop>`);
    expect(all).not.toContain(other.id);
    expect(all).toContain("Approved first paragraph.");
    const none = await readAll(streamApprovedTmx({ engine: "no such engine" }));
    expect(none).not.toContain("<tu");
  });
});
