import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterNextFrame } from "@/app/(workbench)/articles/[id]/after-next-frame";

// The frame is played by hand: the animation callbacks, then the browser's paint, then the tasks
// queued meanwhile (fake timers).
let frameCallbacks: Map<number, FrameRequestCallback>;
function drawFrame() {
  const due = [...frameCallbacks.values()];
  frameCallbacks.clear();
  for (const callback of due) callback(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  frameCallbacks = new Map();
  let next = 1;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    frameCallbacks.set(next, callback);
    return next++;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => frameCallbacks.delete(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("afterNextFrame", () => {
  it("runs the work in a task after the next frame, not in the frame itself", () => {
    const work = vi.fn();
    afterNextFrame(work);
    vi.runAllTimers();
    expect(work).not.toHaveBeenCalled();
    drawFrame();
    expect(work).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("runs nothing once cancelled, before the frame or after it", () => {
    const beforeFrame = vi.fn();
    const afterFrame = vi.fn();
    const cancelBefore = afterNextFrame(beforeFrame);
    const cancelAfter = afterNextFrame(afterFrame);
    cancelBefore();
    drawFrame();
    cancelAfter();
    vi.runAllTimers();
    expect(beforeFrame).not.toHaveBeenCalled();
    expect(afterFrame).not.toHaveBeenCalled();
  });
});
