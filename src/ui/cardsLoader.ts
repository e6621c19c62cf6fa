/**
 * The reference cards load on first use (they and their 38 error programs are not needed to show
 * a scenario). Loading them registers their error scenarios (`card-listen-EINVAL`) with the
 * library, so a link or a button can open one.
 */
let loaded = false;

/** Whether the cards have loaded (an id still unknown after that names no scenario). */
export function cardsLoaded(): boolean {
  return loaded;
}

export function loadCards(): Promise<void> {
  return import('./panels/ReferenceCardView').then(() => {
    loaded = true;
  });
}
