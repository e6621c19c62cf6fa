/**
 * The application shell. For now it only says that the kernel engine is loading;
 * the timeline section will list the states of a scenario once the engine is wired in.
 */
export function App() {
  return (
    <>
      <header className="app-header">
        <h1>Rendezvous</h1>
        <p className="tagline">How Linux UNIX domain sockets work, one kernel step at a time.</p>
      </header>
      <main className="app-main">
        <section aria-label="Timeline" className="timeline">
          <p>The kernel engine is loading.</p>
        </section>
      </main>
    </>
  );
}
