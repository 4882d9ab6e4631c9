/** Polls `position()` until it reaches `target` (read-your-writes after an append), or times out. */
export async function waitForPosition(
  position: () => Promise<number>,
  target: number,
  timeoutMs: number,
  pollMs = 5,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await position();
    if (current >= target) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `read models at position ${String(current)} did not reach ${String(target)} within ${String(timeoutMs)} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
