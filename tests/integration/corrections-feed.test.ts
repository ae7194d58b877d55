import { randomBytes } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/policy";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { buildArticleDocument } from "@/lib/server/export-article";
import { galleyArticleDocumentSchema } from "@/lib/formats/galley-json";
import { GET } from "@/app/feeds/corrections.atom/route";
import { checkWellFormed, decodeXml } from "../unit/formats/xml-check";
import { makeArticle, makeUser } from "./factories";

// Issue 17 item 7: the Atom feed of published corrections and the corrections in the export.
const uid = () => randomBytes(4).toString("hex");
const OVERRIDE = { reason: "integration test: publish as ingested" };

async function fetchFeed(query = "") {
  const res = await GET(
    new NextRequest(new URL(`/feeds/corrections.atom${query}`, "http://localhost:3000")),
  );
  return { res, text: await res.text() };
}

type HtmlText = { "@_type": string; "#text": string };
type Entry = {
  id: string;
  title: HtmlText;
  summary: HtmlText;
  updated: string;
  link: { "@_href": string };
};

/**
 * What a feed reader shows for a type="html" text construct: the HTML's text, its tags
 * rendered (here: dropped) and its character references decoded.
 */
function shown(node: HtmlText): string {
  expect(node["@_type"]).toBe("html");
  return decodeXml(node["#text"].replace(/<[^>]*>/g, ""));
}

async function parseFeed(xml: string) {
  const wellFormed = await checkWellFormed(xml, "corrections.atom");
  expect(wellFormed.valid, JSON.stringify(wellFormed.errors)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "entry" || name === "link",
  }).parse(xml) as {
    feed: {
      "@_xmlns": string;
      id: string;
      title: string;
      updated: string;
      author: { name: string };
      link: { "@_rel": string; "@_href": string }[];
      entry?: (Omit<Entry, "link"> & { link: Entry["link"][] })[];
    };
  };
  return parsed.feed;
}

/** An article published once, then corrected (headline and a paragraph), then edited again as a draft. */
async function correctedArticle(editor: UserActor, outlet: string, note: string) {
  const article = await makeArticle(editor, {
    outlet,
    title: { source: "제목", mt: `First headline ${uid()}` },
  });
  const to = (status: "IN_REVIEW" | "APPROVED" | "PUBLISHED", n?: string) =>
    changeStatus({ articleId: article.id, to: status, note: n, override: OVERRIDE, actor: editor });
  await to("IN_REVIEW");
  await to("APPROVED");
  await to("PUBLISHED", "First publication");
  const headline = `Corrected <b>headline</b> & ]]> ${uid()}`;
  await saveRevision({
    articleId: article.id,
    baseRevision: 1,
    segments: [
      { index: 0, text: headline },
      { index: 1, text: "The bridge is 1.2 km long." },
    ],
    actor: editor,
  });
  // Saving moved the article back into review.
  await to("APPROVED");
  await to("PUBLISHED", note);
  // A later draft: its headline and summary must never reach the feed.
  const draft = `SECRET DRAFT HEADLINE ${uid()}`;
  await saveRevision({
    articleId: article.id,
    baseRevision: 2,
    segments: [{ index: 0, text: draft }],
    summary: "SECRET DRAFT SUMMARY",
    actor: editor,
  });
  return { ...article, headline, draft };
}

describe("GET /feeds/corrections.atom", () => {
  it("lists each published correction with its headline, note, date and link, and nothing unpublished", async () => {
    const editor = await makeUser("EDITOR");
    const outlet = `Feed Outlet ${uid()}`;
    const note = 'We said 12 km; it is 1.2 km. </script> ]]><x/> "quoted"';
    const corrected = await correctedArticle(editor, outlet, note);
    // Published once (no correction), and approved but never published: neither is listed.
    const once = await makeArticle(editor, {
      outlet,
      title: { source: "제목", mt: `Once ${uid()}` },
    });
    for (const to of ["IN_REVIEW", "APPROVED", "PUBLISHED"] as const)
      await changeStatus({ articleId: once.id, to, override: OVERRIDE, actor: editor });
    const approved = await makeArticle(editor, {
      outlet,
      title: { source: "제목", mt: `Approved ${uid()}` },
    });
    for (const to of ["IN_REVIEW", "APPROVED"] as const)
      await changeStatus({ articleId: approved.id, to, override: OVERRIDE, actor: editor });

    const { res, text } = await fetchFeed(`?outlet=${encodeURIComponent(outlet)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const feed = await parseFeed(text);
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title).toBe(`Corrections: ${outlet}`);
    expect(feed.author.name).toBe(outlet);
    expect(feed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(
      `http://localhost:3000/feeds/corrections.atom?outlet=${encodeURIComponent(outlet)}`,
    );
    expect(feed.entry).toHaveLength(1);
    const entry = feed.entry![0]!;
    expect(shown(entry.title)).toBe(corrected.headline);
    expect(shown(entry.summary)).toBe(note);
    expect(entry.link[0]!["@_href"]).toBe(`http://localhost:3000/read/${corrected.slug}`);
    expect(entry.id).toMatch(/^urn:galley:correction:c[a-z0-9]+$/);
    expect(feed.updated).toBe(entry.updated);

    for (const secret of [
      corrected.draft,
      "SECRET DRAFT",
      once.slug,
      approved.slug,
      "First publication",
    ])
      expect(text).not.toContain(secret);
  });

  it("lists every outlet without ?outlet=, newest first, and nothing for an unknown outlet", async () => {
    const editor = await makeUser("EDITOR");
    const a = await correctedArticle(editor, `Outlet A ${uid()}`, "Note A");
    const b = await correctedArticle(editor, `Outlet B ${uid()}`, "Note B");
    const all = await parseFeed((await fetchFeed()).text);
    expect(all.title).toBe("Corrections: Galley");
    const titles = all.entry!.map((e) => shown(e.title));
    expect(titles.indexOf(b.headline)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(a.headline)).toBeGreaterThan(titles.indexOf(b.headline));
    expect(all.entry!.length).toBeLessThanOrEqual(50);

    const unknown = `No such <outlet> & ${uid()}`;
    const none = await parseFeed((await fetchFeed(`?outlet=${encodeURIComponent(unknown)}`)).text);
    expect(decodeXml(none.title)).toBe(`Corrections: ${unknown}`);
    expect(none.entry).toBeUndefined();
    expect(none.updated).toBe("2026-01-01T00:00:00.000Z");
  });

  it("answers 400 with JSON for a bad outlet parameter", async () => {
    const { res, text } = await fetchFeed(`?outlet=${"x".repeat(201)}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ error: "bad_request" });
  });
});

describe("the Galley JSON export", () => {
  it("carries the published corrections, derived from the publications", async () => {
    const editor = await makeUser("EDITOR");
    const corrected = await correctedArticle(editor, `Export ${uid()}`, "Fixed the length.");
    const doc = await buildArticleDocument(corrected.id);
    expect(galleyArticleDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.publications.map((p) => p.revision)).toEqual([1, 2]);
    expect(doc.corrections).toEqual([
      { revision: 2, note: "Fixed the length.", publishedAt: doc.publications[1]!.publishedAt },
    ]);
  });
});
