// Absent text has two spellings at the edges, and these are the only translations between them.

/**
 * A stored "" that means "none": an engine's version and an article's outlet are NOT NULL
 * "" in the database so their unique keys hold (prisma/schema.prisma); readers get null.
 */
export function emptyToNull(stored: string | null | undefined): string | null {
  return stored || null;
}

/** Free text from a person (a note, a reason): blank after trimming is no text at all. */
export function blankToNull(input: string | null | undefined): string | null {
  return input?.trim() || null;
}
