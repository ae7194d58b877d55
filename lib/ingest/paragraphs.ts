// A blank line is a line holding nothing but whitespace; one or more of them end a paragraph.
const PARAGRAPH_BREAK = /\n(?:[^\S\n]*\n)+/;

/** Splits plain text into trimmed, non-empty paragraphs; single newlines stay inside one. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}
