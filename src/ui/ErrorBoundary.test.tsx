// @vitest-environment happy-dom
/** The error boundary: an exception while rendering shows what went wrong and a Reload button. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('the layout found a socket with no slot');
}

describe('ErrorBoundary', () => {
  it('replaces a crashed page with the error and a button named "Reload"', () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const host = document.createElement('div');
    document.body.append(host);
    act(() => {
      createRoot(host).render(
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>,
      );
    });
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'Error: the layout found a socket with no slot',
    );
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Reload');
    expect(button).toBeDefined();
    quiet.mockRestore();
  });
});
