/**
 * Keeping the current line or mark in view without moving the page: Element.scrollIntoView and
 * CodeMirror's scrollIntoView also scroll the window, which makes the whole page jump under a
 * lecturer's pointer at every step. These scroll only the panel that holds the target.
 */
import type { EditorView } from '@codemirror/view';

/**
 * Scrolls `top..bottom` (in the container's scroll coordinates) into view inside `box`: into the part
 * of the box the window shows when the target fits there (a tall editor runs past the bottom of a
 * 720-pixel screen), else anywhere in the box.
 */
function nearest(box: HTMLElement, top: number, bottom: number, margin: number): void {
  const rect = box.getBoundingClientRect();
  let from = Math.max(rect.top, 0) - rect.top;
  let to = Math.min(rect.top + box.clientHeight, window.innerHeight) - rect.top;
  if (to - from < bottom - top + 2 * margin) {
    from = 0;
    to = box.clientHeight;
  }
  if (top - margin < box.scrollTop + from) box.scrollTop = Math.max(0, top - margin - from);
  else if (bottom + margin > box.scrollTop + to) box.scrollTop = bottom + margin - to;
}

/** Brings `el` into view inside its nearest scrolling ancestor, looking no further out than `boundary`. */
export function revealWithin(el: Element, boundary: Element, margin = 0): void {
  for (let node = el.parentElement; node !== null; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (node.scrollHeight > node.clientHeight && (overflow === 'auto' || overflow === 'scroll')) {
      const offset = el.getBoundingClientRect().top - node.getBoundingClientRect().top + node.scrollTop;
      nearest(node, offset, offset + el.getBoundingClientRect().height, margin);
      return;
    }
    if (node === boundary) return;
  }
}

/**
 * Brings line `lineNumber` (1-based) of a CodeMirror editor into view inside the editor only, once
 * the editor has measured its lines (heights guessed before that put the line off by a few rows).
 */
export function revealLine(view: EditorView, lineNumber: number, margin = 48): void {
  view.requestMeasure({
    read: (v) => {
      if (lineNumber > v.state.doc.lines) return null;
      const block = v.lineBlockAt(v.state.doc.line(lineNumber).from);
      return { top: block.top + v.documentPadding.top, height: block.height };
    },
    // A scroll made inside CodeMirror's measure can go unnoticed (the lines scrolled to stay
    // undrawn), so it is made just after.
    write: (at, v) => {
      if (at !== null) setTimeout(() => nearest(v.scrollDOM, at.top, at.top + at.height, margin));
    },
  });
}
