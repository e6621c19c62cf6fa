/** Keyboard, playback, the URL and the document's display settings, as hooks on the store. */
import { useEffect } from 'react';
import { useApp } from './store';

const INTERACTIVE = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY']);

/** ArrowRight/ArrowLeft step, Space plays and pauses, Home/End go to the start and the end. */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      // Typing in an editor or a text box is text, never a playback key.
      if (t && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.closest?.('.cm-editor'))) return;
      const inControl = t && (INTERACTIVE.has(t.tagName) || t.getAttribute('role') === 'button');
      const s = useApp.getState();
      // A presentation clicker sends PageDown and PageUp.
      if (e.key === 'PageDown') s.stepForward();
      else if (e.key === 'PageUp') s.stepBack();
      else if (e.key === 'Escape' && s.presenting) s.setPresenting(false);
      else if (e.key === 'ArrowRight' && !(t?.tagName === 'INPUT' || t?.tagName === 'SELECT'))
        s.stepForward();
      else if (e.key === 'ArrowLeft' && !(t?.tagName === 'INPUT' || t?.tagName === 'SELECT')) s.stepBack();
      else if (e.key === ' ' && !inControl) s.togglePlay();
      else if (e.key === 'Home' && !inControl) s.restart();
      else if (e.key === 'End' && !inControl) s.toEnd();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** While playing, one step every 1/speed seconds; stops at the end. */
export function usePlayback(): void {
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const t = window.setInterval(() => {
      const s = useApp.getState();
      if (s.cursor >= s.lastStep()) s.pause();
      else s.stepForward();
    }, 1000 / speed);
    return () => window.clearInterval(t);
  }, [playing, speed]);
}

/** Keeps the URL on the scenario and step shown (the store opened what the URL named). */
export function useUrlSync(): void {
  const id = useApp((s) => s.run.scenario.id);
  const cursor = useApp((s) => s.cursor);
  const profile = useApp((s) => s.profile);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const wantProfile = profile === 'linux' ? null : profile;
    if (
      params.get('scenario') === id &&
      params.get('step') === String(cursor) &&
      params.get('profile') === wantProfile
    )
      return;
    params.set('scenario', id);
    params.set('step', String(cursor));
    if (wantProfile) params.set('profile', wantProfile);
    else params.delete('profile');
    window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
  }, [id, cursor, profile]);
}

/**
 * Remote control for slide decks: a parent page sends
 * `{type: 'rendezvous', action: 'next' | 'prev' | 'goto' | 'play' | 'pause', step}` and hears
 * `{type: 'rendezvous', event: 'step', step, total}` after every move.
 */
export function useRemoteControl(): void {
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const d = e.data as { type?: unknown; action?: unknown; step?: unknown } | null;
      if (d?.type !== 'rendezvous') return;
      const s = useApp.getState();
      if (d.action === 'next') s.stepForward();
      else if (d.action === 'prev') s.stepBack();
      else if (d.action === 'goto' && typeof d.step === 'number' && Number.isInteger(d.step)) s.goTo(d.step);
      else if (d.action === 'play') s.play();
      else if (d.action === 'pause') s.pause();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  const cursor = useApp((s) => s.cursor);
  const total = useApp((s) => s.run.steps.length);
  useEffect(() => {
    if (window.parent !== window)
      window.parent.postMessage({ type: 'rendezvous', event: 'step', step: cursor, total }, '*');
  }, [cursor, total]);
}

/** Large type and the theme, as attributes of the document element. */
export function useDisplaySettings(): void {
  const largeType = useApp((s) => s.largeType);
  const theme = useApp((s) => s.theme);
  useEffect(() => {
    document.documentElement.classList.toggle('large-type', largeType);
    if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', theme);
  }, [largeType, theme]);
}
