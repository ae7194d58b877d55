// Character offsets of the browser selection relative to one element's text. The element
// must render the segment text and nothing else (marks are fine, extra labels are not),
// so that its text content equals the segment text.

/** [start, end) of the part of the current selection inside `container`, or null. */
export function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  // Clip the selection to the container, in case it started or ended outside.
  const clipped = document.createRange();
  clipped.selectNodeContents(container);
  if (range.compareBoundaryPoints(Range.START_TO_START, clipped) > 0) {
    clipped.setStart(range.startContainer, range.startOffset);
  }
  if (range.compareBoundaryPoints(Range.END_TO_END, clipped) < 0) {
    clipped.setEnd(range.endContainer, range.endOffset);
  }
  if (clipped.collapsed) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(clipped.startContainer, clipped.startOffset);
  const start = before.toString().length;
  return { start, end: start + clipped.toString().length };
}
