import { describe, expect, it } from "vitest";

import { toXliff2 } from "@/lib/formats/xliff";

import { article, NASTY, segment } from "./fixtures";
import { validateXliff2, XLIFF2_SCHEMA } from "./xml-check";

describe("XLIFF 2.0 export against the OASIS core schema (xliff_core_2.0.xsd)", () => {
  it("uses the committed schema, importing the local xml.xsd", () => {
    expect(XLIFF2_SCHEMA.contents).toContain(
      'targetNamespace="urn:oasis:names:tc:xliff:document:2.0"',
    );
    expect(XLIFF2_SCHEMA.contents).toContain('schemaLocation="xml.xsd"');
  });

  it("validates a typical article", async () => {
    const result = await validateXliff2(toXliff2(article()));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("validates an article without source text, with hostile text and control characters", async () => {
    const doc = article({
      slug: `slug "with" <markup> & stuff`,
      segments: [
        segment(0, { source: null, mt: NASTY, text: NASTY }),
        segment(1, { source: null, mt: "", text: "" }),
        segment(2, {
          kind: "CAPTION",
          source: null,
          mt: "bell\u0007",
          text: "nul\u0000 esc\u001b",
        }),
      ],
    });
    const result = await validateXliff2(toXliff2(doc));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("fails a document that breaks the schema (the validator is live)", async () => {
    const broken = toXliff2(article()).replace(/<segment>[\s\S]*?<\/segment>/g, "");
    const result = await validateXliff2(broken);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toMatch(/Missing child element/);
  });
});
