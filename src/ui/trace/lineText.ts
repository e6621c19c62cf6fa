/** A trace line as people read it: without its pid and time columns. */
export function lineText(raw: string | undefined): string {
  return (raw ?? '')
    .replace(/^\[pid\s+\d+\]\s+|^\d+\s+/, '')
    .replace(/^(\d{2}:\d{2}:\d{2}(\.\d+)?|\d+\.\d+)\s+/, '')
    .trim();
}

/** "12 other calls (mmap, openat, read, ...)". */
export function folded(names: string[]): string {
  const distinct = [...new Set(names)];
  const shown = distinct.slice(0, 5).join(', ') + (distinct.length > 5 ? ', ...' : '');
  return names.length === 1 ? `1 other call (${shown})` : `${names.length} other calls (${shown})`;
}
