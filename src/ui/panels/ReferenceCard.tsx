/** The reference cards' panel, loaded when first opened (see ReferenceCardView.tsx). */
import { lazy, Suspense } from 'react';
import { useApp } from '../store';

const ReferenceCardView = lazy(() => import('./ReferenceCardView'));

export function ReferenceCard() {
  const call = useApp((s) => s.card);
  if (call === null) return null;
  return (
    <Suspense
      fallback={
        <section className="reference" aria-label="Reference cards">
          <p role="status">Loading the reference cards…</p>
        </section>
      }
    >
      <ReferenceCardView />
    </Suspense>
  );
}
