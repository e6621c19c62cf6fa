/**
 * A C source editor (CodeMirror 6): C highlighting, line numbers, undo, the processes' current
 * lines, and the compiler's diagnostics at their lines. React owns the element; CodeMirror owns
 * what is inside it.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { cpp } from '@codemirror/lang-cpp';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic as CmDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, scrollPastEnd } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../programs/c/ast';
import { revealLine } from '../reveal';
import { currentLines, type ProcessMark, setMarks } from './currentLines';
import { cHighlight } from './highlight';

interface Props {
  file: string;
  text: string;
  marks: ProcessMark[];
  diagnostics: Diagnostic[];
  onChange(text: string): void;
  /** A line to scroll to and put the cursor on (changes each time it is asked). */
  reveal: { line: number; at: number } | null;
  /** The line of the step being shown: kept in view without taking the focus. */
  follow: number | null;
}

function toCm(state: EditorState, ds: Diagnostic[]): CmDiagnostic[] {
  const doc = state.doc;
  return ds.map((d) => {
    const line = doc.line(Math.min(Math.max(1, d.pos.line), doc.lines));
    const from = Math.min(line.to, line.from + Math.max(0, d.pos.col - 1));
    return {
      from,
      to: Math.max(from, Math.min(line.to, from + 1)),
      severity: d.severity,
      message: d.message,
    };
  });
}

/** One file's editor. */
export function CodeEditor({ file, text, marks, diagnostics, onChange, reveal, follow }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  // The editor is created once per file; later text changes arrive through the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per file
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const v = new EditorView({
      parent: el,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          scrollPastEnd(),
          history(),
          indentOnInput(),
          bracketMatching(),
          cpp(),
          syntaxHighlighting(cHighlight),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          lintGutter(),
          currentLines(),
          // tabindex makes the scrolling region's focusable content explicit (axe: scrollable-region-focusable).
          EditorView.contentAttributes.of({ 'aria-label': `${file}, C source`, tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) change.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [file]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== text)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
  }, [text]);

  useEffect(() => {
    view.current?.dispatch({ effects: setMarks.of(marks) });
  }, [marks]);

  useEffect(() => {
    const v = view.current;
    if (!v || follow === null || follow < 1 || follow > v.state.doc.lines) return;
    revealLine(v, follow);
  }, [follow]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toCm(v.state, diagnostics)));
  }, [diagnostics]);

  useEffect(() => {
    const v = view.current;
    if (!v || !reveal) return;
    const line = v.state.doc.line(Math.min(Math.max(1, reveal.line), v.state.doc.lines));
    v.dispatch({
      selection: { anchor: line.from },
      effects: EditorView.scrollIntoView(line.from, { y: 'center' }),
    });
    v.focus();
  }, [reveal]);

  return <div className="code-editor" ref={host} />;
}
