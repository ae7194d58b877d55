import { describe, expect, it } from "vitest";
import {
  galleyArticleDocumentSchema,
  looksLikeGalleyDocument,
  referencedEmails,
  type GalleyArticleDocument,
} from "@/lib/formats/galley-json";

const T = "2026-01-02T03:04:05.000Z";

function doc(): GalleyArticleDocument {
  return {
    format: "galley-article",
    version: 1,
    exportedAt: T,
    users: [{ email: "ed@example.com", name: "Ed" }],
    article: {
      id: "cmarticle1",
      slug: "a-title-abc123",
      externalId: "x-1",
      outlet: "Outlet",
      url: null,
      byline: null,
      publishedAt: null,
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "MT", version: null },
      status: "IN_REVIEW",
      footer: null,
      currentRevision: 2,
      publishedRevision: null,
      approvedRevision: null,
      contentHash: "abc",
      assignee: null,
      createdAt: T,
      updatedAt: T,
    },
    segments: [
      { index: 0, kind: "TITLE", source: null, mt: "A title" },
      { index: 1, kind: "PARAGRAPH", source: "원문", mt: "Body" },
    ],
    revisions: [
      {
        number: 1,
        parent: null,
        kind: "INGEST",
        author: null,
        createdAt: T,
        summary: null,
        status: "NEW",
        revertedTo: null,
        feedbackId: null,
        stats: { wordsAdded: 3, wordsRemoved: 0, segmentsChanged: 2 },
        texts: [
          { index: 0, text: "A title" },
          { index: 1, text: "Body" },
        ],
      },
      {
        number: 2,
        parent: 1,
        kind: "EDIT",
        author: "Ed@Example.com",
        createdAt: T,
        summary: "fix",
        status: "IN_REVIEW",
        revertedTo: null,
        feedbackId: null,
        stats: { wordsAdded: 1, wordsRemoved: 1, segmentsChanged: 1 },
        texts: [{ index: 1, text: "Better body" }],
      },
    ],
    publications: [],
    annotations: [],
    feedback: [],
    qaDismissals: [],
  };
}

const paths = (value: unknown) => {
  const res = galleyArticleDocumentSchema.safeParse(value);
  return res.success ? [] : res.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("Galley article document schema", () => {
  it("accepts a consistent document", () => {
    expect(paths(doc())).toEqual([]);
    expect(looksLikeGalleyDocument(doc())).toBe(true);
    expect(looksLikeGalleyDocument({ sourceLang: "ko" })).toBe(false);
    expect(referencedEmails(doc())).toEqual(["ed@example.com"]);
  });

  it("names the path of each broken cross-reference", () => {
    const d = doc();
    d.article.currentRevision = 3;
    d.article.approvedRevision = 5;
    d.revisions[1]!.texts.push({ index: 7, text: "nowhere" });
    d.segments[0]!.kind = "PARAGRAPH";
    expect(paths(d)).toEqual([
      "segments.0.kind: segment 0 must be the TITLE",
      "revisions.1.texts.1.index: segment 7 does not exist",
      "article.currentRevision: is 3 but the document has 2 revisions",
      "article.approvedRevision: revision 5 does not exist (current is 3)",
    ]);
  });

  it("wants revisions numbered from 1 and revision 1 to set every segment", () => {
    const d = doc();
    d.revisions[0]!.texts.pop();
    d.revisions[1]!.number = 5;
    expect(paths(d)).toEqual([
      "revisions.1.number: must be 2",
      "revisions.0.texts: revision 1 must set every segment",
    ]);
  });

  it("refuses other formats and versions", () => {
    expect(paths({ ...doc(), version: 2 })[0]).toMatch(/^version: /);
    expect(paths({ ...doc(), format: "something" })[0]).toMatch(/^format: /);
  });
});
