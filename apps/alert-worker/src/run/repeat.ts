/**
 * Runs `task` now, then `intervalMs` after each run ends (never overlapping), until stopped or
 * until the task resolves `false`. `stop()` waits for a run in progress. The task handles its
 * own errors.
 */
export function createRepeater(intervalMs: number, task: () => Promise<unknown>) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<void> = Promise.resolve();

  const loop = () => {
    if (!running) return;
    current = task()
      .then((goOn) => {
        if (goOn === false) running = false;
      })
      .finally(() => {
        if (running) timer = setTimeout(loop, intervalMs);
      });
  };

  return {
    start() {
      if (running) return;
      running = true;
      loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
