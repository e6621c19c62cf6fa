/**
 * Marks in the editor where each process is: the line it ran last gets a highlight and, in
 * words, the process's name ("▶ server"), so colour is never the only cue.
 */
import { type Extension, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';

/** A process's place in a file. */
export interface ProcessMark {
  line: number;
  name: string;
}

/** Replaces the marks shown. */
export const setMarks = StateEffect.define<ProcessMark[]>();

class NameWidget extends WidgetType {
  constructor(readonly names: string) {
    super();
  }
  eq(other: NameWidget): boolean {
    return other.names === this.names;
  }
  toDOM(): HTMLElement {
    const el = document.createElement('span');
    el.className = 'cm-process-mark';
    el.textContent = `◀ ${this.names}`;
    return el;
  }
}

function decorate(view: { state: EditorView['state'] }, marks: ProcessMark[]): DecorationSet {
  const doc = view.state.doc;
  const byLine = new Map<number, string[]>();
  for (const m of marks) {
    if (m.line < 1 || m.line > doc.lines) continue;
    byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.name]);
  }
  const b = new RangeSetBuilder<Decoration>();
  for (const line of [...byLine.keys()].sort((a, c) => a - c)) {
    const l = doc.line(line);
    const names = (byLine.get(line) ?? []).join(', ');
    b.add(
      l.from,
      l.from,
      Decoration.line({ class: 'cm-process-line', attributes: { 'data-processes': names } }),
    );
    b.add(l.to, l.to, Decoration.widget({ widget: new NameWidget(names), side: 1 }));
  }
  return b.finish();
}

/** The editor extension that shows process marks. */
export function currentLines(): Extension {
  const field = StateField.define<{ marks: ProcessMark[]; deco: DecorationSet }>({
    create: () => ({ marks: [], deco: Decoration.none }),
    update(value, tr) {
      let marks = value.marks;
      for (const e of tr.effects) if (e.is(setMarks)) marks = e.value;
      if (marks === value.marks && !tr.docChanged) return value;
      return { marks, deco: decorate(tr, marks) };
    },
    provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
  });
  return field;
}
