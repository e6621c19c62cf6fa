/**
 * The lessons: a list (?lessons) with each one's progress, and, while one is open, the question
 * asked before its step: a fieldset with the choices (or a number), "Check answer", and the
 * explanation, which points at the diagram.
 */
import { useState } from 'react';
import { LESSONS } from '../../programs/lessons';
import { useApp } from '../store';

/** "2 of 3 questions answered, 1 right". */
function progressText(id: string): string {
  const p = useApp.getState().progress[id];
  const total = LESSONS.find((l) => l.id === id)?.questions.length ?? 0;
  const answers = Object.values(p?.answers ?? {});
  if (answers.length === 0) return 'not started';
  const right = answers.filter((a) => a.correct).length;
  return `${answers.length} of ${total} questions answered, ${right} right`;
}

/** The list of lessons. */
export function LessonsList() {
  const open = useApp((s) => s.lessonsOpen);
  useApp((s) => s.progress);
  if (!open) return null;
  const app = useApp.getState();
  return (
    <section className="lessons" aria-label="Lessons">
      <header>
        <h2>Lessons</h2>
        <button type="button" onClick={() => app.resetLessons()}>
          Reset progress
        </button>
        <button type="button" onClick={() => app.setLessonsOpen(false)}>
          Close
        </button>
      </header>
      <p>
        Each lesson runs a short C program and asks you to predict what the kernel does next before you see
        it.
      </p>
      <ol>
        {LESSONS.map((l) => (
          <li key={l.id}>
            <button type="button" onClick={() => app.openLesson(l.id)}>
              {l.title}
            </button>{' '}
            <span className="lesson-progress">({progressText(l.id)})</span>
            <p>{l.summary}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The question before the next step, while a lesson is open. */
export function QuestionPanel() {
  const session = useApp((s) => s.session);
  const cursor = useApp((s) => s.cursor);
  const progress = useApp((s) => s.progress);
  const [given, setGiven] = useState('');
  const [checked, setChecked] = useState<{ id: string; correct: boolean } | null>(null);
  if (!session) return null;
  const answers = progress[session.lesson.id]?.answers ?? {};
  const pending = session.questions.find((q) => q.at === cursor + 1);
  const answered = session.questions.filter((q) => answers[q.id]?.seed === session.seed).length;
  const app = useApp.getState();
  const header = (
    <p className="lesson-status">
      Lesson: <strong>{session.lesson.title}</strong> · {answered} of {session.questions.length} questions
      answered ·{' '}
      <button type="button" onClick={() => app.setLessonsOpen(true)}>
        All lessons
      </button>
    </p>
  );
  const intro =
    cursor === 0 ? (
      <div className="lesson-intro">
        {session.lesson.narration.map((para) => (
          <p key={para}>{para}</p>
        ))}
      </div>
    ) : null;
  if (!pending)
    return (
      <div className="question-panel">
        {header}
        {intro}
      </div>
    );
  const q = pending.question;
  const done = answers[pending.id]?.seed === session.seed ? answers[pending.id] : null;
  const result =
    checked?.id === pending.id ? checked : done ? { id: pending.id, correct: done.correct } : null;
  const check = () => {
    const correct = app.answer(pending.id, given);
    setChecked({ id: pending.id, correct });
  };
  return (
    <div className="question-panel">
      {header}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!result) check();
        }}
      >
        <fieldset>
          <legend>{q.prompt}</legend>
          {q.kind === 'choice' ? (
            q.choices.map((c, i) => (
              <label key={c} className="choice">
                <input
                  type="radio"
                  name={`q-${pending.id}`}
                  value={String(i)}
                  checked={given === String(i)}
                  disabled={result !== null}
                  onChange={() => setGiven(String(i))}
                />{' '}
                {c}
              </label>
            ))
          ) : (
            <label className="number">
              Your answer{' '}
              <input
                type="number"
                value={given}
                disabled={result !== null}
                onChange={(e) => setGiven(e.target.value)}
              />
            </label>
          )}
          <button type="submit" disabled={result !== null || given === ''}>
            Check answer
          </button>
        </fieldset>
      </form>
      {result ? (
        <div className={result.correct ? 'feedback right' : 'feedback wrong'} role="status">
          <p>
            <strong>{result.correct ? 'Right.' : 'Not quite.'}</strong>{' '}
            {!result.correct ? `The answer is ${q.kind === 'choice' ? q.choices[q.answer] : q.answer}. ` : ''}
            {q.explain}
          </p>
          <button
            type="button"
            onClick={() => {
              setGiven('');
              setChecked(null);
              app.stepForward();
            }}
          >
            Show the step
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setGiven('');
              setChecked(null);
              app.retryQuestion(pending.id);
            }}
          >
            Try a new variation
          </button>
        </div>
      ) : null}
    </div>
  );
}
