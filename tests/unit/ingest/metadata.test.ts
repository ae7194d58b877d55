import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/audit/chain";
import { contentHash } from "@/lib/ingest/identity";
import {
  hashedMetadata,
  metadataColumns,
  metadataFromColumns,
  metadataFromInput,
} from "@/lib/ingest/metadata";
import { ingestArticleSchema } from "@/lib/ingest/schema";

describe("article metadata", () => {
  it("fills absent fields with null and normalises dates to ISO date-times", () => {
    expect(metadataFromInput({ byline: "Park Min-ji", publishedAt: "2026-11-01" })).toEqual({
      url: null,
      byline: "Park Min-ji",
      publishedAt: "2026-11-01T00:00:00.000Z",
    });
  });

  it("round-trips through the stored columns", () => {
    const m = metadataFromInput({
      url: "https://news.example/a/1",
      publishedAt: "2026-11-01T09:30:00+09:00",
    });
    const columns = metadataColumns(m);
    expect(columns.publishedAt).toBeInstanceOf(Date);
    expect(metadataFromColumns(columns)).toEqual(m);
  });

  it("is validated by the ingest schema", () => {
    const base = {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "MT" },
      title: { mt: "Title" },
      mt: "Body.",
    };
    expect(ingestArticleSchema.safeParse({ ...base, url: "javascript:alert(1)" }).success).toBe(
      false,
    );
    expect(ingestArticleSchema.safeParse({ ...base, publishedAt: "yesterday" }).success).toBe(
      false,
    );
    expect(ingestArticleSchema.safeParse({ ...base, byline: "Choi" }).success).toBe(true);
  });

  it("keeps the content hash of articles stored before the metadata module existed", () => {
    // The format since the first release: metadata at the top level, absent fields as null.
    const content = {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "MT", version: "" },
      footer: null,
      segments: [{ kind: "TITLE" as const, source: null, mt: "Title" }],
    };
    const stored = createHash("sha256")
      .update(canonicalJson({ ...content, url: null, byline: null, publishedAt: null }))
      .digest("hex");
    expect(contentHash({ ...content, metadata: hashedMetadata(metadataFromInput({})) })).toBe(
      stored,
    );
  });
});
