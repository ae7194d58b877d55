/** Longest comment body; longer is a 400 naming the limit. */
export const COMMENT_MAX_CHARS = 4000;
