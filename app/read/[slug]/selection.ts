// Where the reader's text selection sits in the public article, in the terms
// the feedback API speaks: one segment, UTF-16 offsets into its text content.

export interface SegmentSelection {
  segmentIndex: number;
  quote: string;
  /** null once the reader edits the quote: the offsets no longer apply. */
  start: number | null;
  end: number | null;
}

const SEGMENT = "[data-segment-index]";
const ARTICLE = "[data-public-article]";

function segmentOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const segment = el?.closest<HTMLElement>(SEGMENT) ?? null;
  return segment?.closest(ARTICLE) ? segment : null;
}

/** Characters of `segment`'s text content before (node, offset). */
function offsetIn(segment: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(segment);
  range.setEnd(node, offset);
  // Range#toString is the raw text (no whitespace collapsing), like textContent.
  return range.toString().length;
}

/**
 * The current selection when it lies inside a single segment, trimmed of
 * surrounding whitespace (double-click often takes a trailing space); null
 * when there is none or it spans segments.
 */
export function selectionInSegment(): SegmentSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const segment = segmentOf(range.startContainer);
  if (!segment || segment !== segmentOf(range.endContainer)) return null;
  const text = segment.textContent ?? "";
  let start = offsetIn(segment, range.startContainer, range.startOffset);
  let end = offsetIn(segment, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  const segmentIndex = Number(segment.dataset.segmentIndex);
  if (!Number.isInteger(segmentIndex)) return null;
  return { segmentIndex, quote: text.slice(start, end), start, end };
}
