/**
 * C highlighting with colours that keep a contrast of at least 4.5:1 on the editor's
 * background in both themes (CodeMirror's default style does not). The colours are CSS
 * variables, set per theme in styles.css.
 */
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

/** The editor's highlight style. */
export const cHighlight = HighlightStyle.define([
  {
    tag: [t.keyword, t.controlKeyword, t.modifier, t.operatorKeyword],
    color: 'var(--code-keyword)',
    fontWeight: '600',
  },
  { tag: [t.typeName, t.standard(t.typeName)], color: 'var(--code-type)' },
  { tag: [t.string, t.character, t.special(t.string)], color: 'var(--code-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--code-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [t.processingInstruction, t.meta], color: 'var(--code-meta)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--code-function)' },
  { tag: t.macroName, color: 'var(--code-meta)' },
]);
