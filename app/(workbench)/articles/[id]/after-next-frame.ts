/**
 * Runs `work` once the browser has drawn the next frame (a task queued from that frame's
 * animation callback runs after its paint), and returns a function that cancels it. For what a
 * change may do a moment later than it shows, so it does not hold that change off the screen.
 */
export function afterNextFrame(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
