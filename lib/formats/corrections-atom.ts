// The Atom feed of published corrections (issue 17 item 7), written with the `feed` package.
// Pure: the route gives it the corrections and the site's origin.
import { Feed } from "feed";
import { correctionText } from "@/lib/domain/corrections";
import { escapeXmlText, stripInvalidXmlChars } from "@/lib/formats/xml-escape";

export interface AtomCorrection {
  publicationId: string;
  slug: string;
  outlet: string | null;
  headline: string;
  revision: number;
  note: string | null;
  publishedAt: Date;
}

/** A fixed `updated` for a feed with no entries, so an empty feed's bytes never change. */
const EMPTY_FEED_UPDATED = new Date("2026-01-01T00:00:00Z");

// `feed` writes entry titles and summaries as type="html" in CDATA. Headlines and notes are
// plain text, so they are HTML-escaped first: a feed reader then shows "<b>" as those three
// characters, and a "]]>" in a note (escaped to "]]&gt;") cannot end the CDATA section.
const asHtmlText = (text: string) => escapeXmlText(text);

export function correctionsAtom(input: {
  origin: string;
  outlet: string | null;
  corrections: readonly AtomCorrection[];
}): string {
  const self = `${input.origin}/feeds/corrections.atom${
    input.outlet === null ? "" : `?outlet=${encodeURIComponent(input.outlet)}`
  }`;
  const scope = input.outlet === null ? "Galley" : stripInvalidXmlChars(input.outlet);
  const feed = new Feed({
    id: self,
    title: `Corrections: ${scope}`,
    description: "Corrections published to machine-translated articles after their review.",
    link: `${input.origin}/`,
    feedLinks: { atom: self },
    updated: input.corrections[0]?.publishedAt ?? EMPTY_FEED_UPDATED,
    // Atom requires an author for the feed unless every entry has one.
    author: { name: scope },
    generator: "Galley",
  });
  for (const c of input.corrections) {
    const link = `${input.origin}/read/${encodeURIComponent(c.slug)}`;
    feed.addItem({
      id: `urn:galley:correction:${c.publicationId}`,
      title: asHtmlText(c.headline),
      link,
      date: c.publishedAt,
      description: asHtmlText(correctionText(c.note)),
      author: [{ name: c.outlet ?? "Galley" }],
    });
  }
  return feed.atom1();
}
