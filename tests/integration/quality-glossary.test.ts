import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as glossaryGet, POST as glossaryPost } from "@/app/api/v1/glossary/route";
import { db } from "@/lib/db";
import { parseGlossaryCsv } from "@/lib/formats/glossary-csv";
import { createApiToken } from "@/lib/server/api-tokens";
import { deleteGlossaryTerm, importGlossaryTerms, listGlossary } from "@/lib/server/glossary";
import type { UserActor } from "@/lib/auth/policy";
import { callRoute } from "./api-call";
import { makeUser } from "./factories";

const tokenFor = async (u: UserActor) =>
  (await createApiToken({ userId: u.userId, name: "glossary" }, u)).token;

// A private target language per test run keeps the shared glossary table out of the way.
const pair = () => ({ sourceLang: "ko", targetLang: `en-x${randomBytes(3).toString("hex")}` });

describe("glossary API and CSV", () => {
  it("POST adds a term (201, audited); 403 without manage:glossary; 409 for a duplicate", async () => {
    const editor = await makeUser("EDITOR");
    const langs = pair();
    const post = async (tok: string, body: unknown) =>
      callRoute(glossaryPost, {
        url: "/api/v1/glossary",
        params: {},
        token: tok,
        method: "POST",
        body,
      });
    const term = { ...langs, sourceTerm: " 외삼촌 ", targetTerm: "maternal uncle", note: "" };
    const reviewerToken = await tokenFor(await makeUser("REVIEWER"));
    expect((await post(reviewerToken, term)).status).toBe(403);
    const res = await post(await tokenFor(editor), term);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      sourceTerm: "외삼촌",
      targetTerm: "maternal uncle",
      note: null,
    });
    expect(
      await db().auditEvent.count({ where: { action: "glossary.create", entityId: created.id } }),
    ).toBe(1);
    expect((await post(await tokenFor(editor), term)).status).toBe(409);
    expect((await post(await tokenFor(editor), { ...term, targetLang: "not a tag" })).status).toBe(
      400,
    );
  });

  it("exports CSV with formulas neutralised and imports it back unchanged", async () => {
    const editor = await makeUser("EDITOR");
    const langs = pair();
    const terms = [
      {
        ...langs,
        sourceTerm: "가",
        targetTerm: '=HYPERLINK("http://evil.example","x")',
        note: "+1",
      },
      {
        ...langs,
        sourceTerm: "나",
        targetTerm: "@SUM(A1)",
        note: '-2, with "quotes"\nand a newline',
      },
      { ...langs, sourceTerm: "다", targetTerm: "plain, with comma", note: null },
    ];
    expect(await importGlossaryTerms(terms, editor)).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });

    const viewerToken = await tokenFor(await makeUser("VIEWER"));
    const res = await callRoute(glossaryGet, {
      url: `/api/v1/glossary?format=csv&sourceLang=ko&targetLang=${langs.targetLang}`,
      params: {},
      token: viewerToken,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    // Response.text() would drop the BOM this checks for.
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(csv.startsWith("\uFEFFsourceLang,targetLang,sourceTerm,targetTerm,note\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'+1");
    // No cell may start with a formula character.
    for (const line of csv.split("\r\n").slice(1)) {
      for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@]/);
    }

    const parsed = parseGlossaryCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual(terms);

    for (const t of (await listGlossary(langs)).items) await deleteGlossaryTerm(t.id, editor);
    expect(await importGlossaryTerms(parsed.rows, editor)).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const back = (await listGlossary(langs)).items.map(
      ({ sourceLang, targetLang, sourceTerm, targetTerm, note }) => ({
        sourceLang,
        targetLang,
        sourceTerm,
        targetTerm,
        note,
      }),
    );
    expect(back).toEqual(terms);
    const json = await (
      await callRoute(glossaryGet, {
        url: `/api/v1/glossary?targetLang=${langs.targetLang}`,
        params: {},
        token: viewerToken,
      })
    ).json();
    expect(json.items).toHaveLength(3);
  });

  it("reports invalid rows by their spreadsheet row number", () => {
    const csv = [
      "sourceLang,targetLang,sourceTerm,targetTerm,note",
      "ko,en,가,a,",
      "ko,en,,b,",
      "ko,english!,나,c,",
      "ko,en,가,d,",
    ].join("\n");
    const { rows, errors } = parseGlossaryCsv(csv);
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(errors[0]!.message).toContain("sourceTerm");
    expect(errors[2]!.message).toContain("row 2");
    expect(parseGlossaryCsv("source,target\nx,y").errors[0]!.message).toContain("Missing column");
  });
});
