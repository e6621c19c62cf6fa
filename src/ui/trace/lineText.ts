/** A trace line as people read it: without its pid and time columns. */
export function lineText(raw: string | undefined): string {
  return (raw ?? '')
    .replace(/^\[pid\s+\d+\]\s+|^\d+\s+/, '')
    .replace(/^(\d{2}:\d{2}:\d{2}(\.\d+)?|\d+\.\d+)\s+/, '')
    .trim();
}
