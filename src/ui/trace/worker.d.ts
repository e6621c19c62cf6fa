/** The replay worker's constructor (vite.config.ts maps this name to replayWorker.ts?worker). */
declare module '@replay-worker' {
  const ReplayWorker: new () => Worker;
  export default ReplayWorker;
}
