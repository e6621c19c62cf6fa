/**
 * Reference cards: one per call (socket, bind, listen, ...): what it does, its arguments, what
 * it returns, and each error it can return with a one-click scenario that produces it. Opened by
 * the Reference button or a deep link `?call=listen`. This module and the cards load on first use
 * (ReferenceCard.tsx); loading it makes the cards' error scenarios openable.
 */
import { CARDS, findCard } from '../../programs/reference';
import { registerCardScenarios } from '../library';
import { useApp } from '../store';

registerCardScenarios(CARDS);

/** Opens an error's scenario at the step where the call fails. */
function showError(scenarioId: string, errno: string): void {
  const app = useApp.getState();
  app.openScenario(scenarioId);
  const steps = useApp.getState().run.steps;
  const at = steps.findIndex((s) => s.result?.errno === errno);
  app.goTo(at < 0 ? 0 : at + 1);
}

export default function ReferenceCardView() {
  const call = useApp((s) => s.card);
  const setCard = useApp((s) => s.setCard);
  if (call === null) return null;
  const card = call === '' ? null : findCard(call);
  if (!card) {
    return (
      <section className="reference" aria-label="Reference cards">
        <header>
          <h2>Reference cards</h2>
          <button type="button" onClick={() => setCard(null)}>
            Close
          </button>
        </header>
        {call !== '' ? <p role="status">There is no card for "{call}". The cards are:</p> : null}
        <ul className="card-index">
          {CARDS.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => setCard(c.calls[0])}>
                {c.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className="reference" aria-label={`Reference card: ${card.title}`}>
      <header>
        <h2>{card.title}</h2>
        <button type="button" onClick={() => setCard('')}>
          All cards
        </button>
        <button type="button" onClick={() => setCard(null)}>
          Close
        </button>
      </header>
      <pre className="synopsis">{card.synopsis.join('\n')}</pre>
      <p>{card.does}</p>
      <h3>Arguments</h3>
      <dl className="card-args">
        {card.args.map((a) => (
          <div key={a.name}>
            <dt>
              <code>{a.name}</code>
            </dt>
            <dd>{a.meaning}</dd>
          </div>
        ))}
      </dl>
      <h3>Returns</h3>
      <p>{card.returns}</p>
      <h3>Errors</h3>
      <ul className="card-errors">
        {card.errors.map((e) => (
          <li key={e.errno}>
            <strong>{e.errno}</strong>: {e.when}{' '}
            <button type="button" onClick={() => showError(e.scenario.id, e.errno)}>
              Show {e.errno}
            </button>
          </li>
        ))}
      </ul>
      <p>
        Manual page:{' '}
        <a href={card.man} target="_blank" rel="noreferrer">
          {card.man.replace(/^https:\/\/man7\.org\/linux\/man-pages\/man\d\//, '').replace('.html', '')}
        </a>
      </p>
    </section>
  );
}
