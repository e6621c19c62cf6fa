/** The kernel's state at the cursor as a list of sentences (the diagram's labels, all together). */
import { describeKernel } from '../../diagram';
import { useApp } from '../store';

export function StateInWords() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const sentences = describeKernel(run.timeline.stateAt(cursor).machine.kernel);
  return (
    <details className="state-words">
      <summary>The kernel's state in words</summary>
      <ul>
        {sentences.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sentences may repeat
          <li key={i} className={s.startsWith('  ') ? 'nested' : undefined}>
            {s.trim()}
          </li>
        ))}
      </ul>
    </details>
  );
}
