/**
 * Dropping a file anywhere on the page opens it (a trace, or a scenario file); pasting strace
 * text while no text field has the focus imports it as a trace.
 */
import { useEffect } from 'react';
import { useApp } from '../store';
import { traceTools } from './load';

export function useDropAndPaste(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = async (e: DragEvent) => {
      const f = e.dataTransfer?.files[0];
      if (!f) return;
      e.preventDefault();
      useApp.getState().importFile(f.name, await f.text());
    };
    const paste = (e: ClipboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.isContentEditable ||
          t.tagName === 'TEXTAREA' ||
          t.tagName === 'INPUT' ||
          t.closest?.('.cm-editor'))
      )
        return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      // No text field has the focus, so the paste has nowhere else to go.
      e.preventDefault();
      void traceTools().then((t) => {
        if (t.looksLikeStrace(text).ok) useApp.getState().importTrace(text, 'pasted trace');
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, []);
}
