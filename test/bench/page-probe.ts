/**
 * Runs in the page before the app. It times what the user sees: when the DOM changed (a MutationObserver, run
 * right after React commits) and when that change was painted (the first task after the next animation frame,
 * which Chromium runs once the frame is produced), plus the time of every key press and click.
 *
 * It also wraps the bridge's transport (answers arrive as JSON text, see bench-browser-app.ts), to mark when the
 * inventory's data reached the page. Plain JavaScript in a string: a function's source as transpiled by tsx may
 * call helpers the page does not have.
 */
export const pageProbeScript = `(() => {
  const state = { changes: [], paints: [], inputs: [], dataAt: -1 };
  // A rAF loop that is always first in line: it re-registers during one frame's callbacks, before any task of the
  // next frame can register its own. So its message is the first task after the frame's paint, and work the app
  // defers to "after the next paint" (which queues the same way, but later) cannot delay the recorded time.
  let lastPainted = 0;
  const frame = () => {
    requestAnimationFrame(frame);
    const changedAt = state.changes[state.changes.length - 1] ?? 0;
    if (changedAt <= lastPainted) return;
    lastPainted = changedAt;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      state.paints.push({ changedAt, paintedAt: performance.now(), rows: document.querySelector('[data-testid="instance-row"]') !== null });
    };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(frame);
  const observer = new MutationObserver(() => {
    state.changes.push(performance.now());
  });
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-instance-id'] });
  });
  for (const type of ['keydown', 'click']) {
    document.addEventListener(type, (event) => state.inputs.push({ type, at: event.timeStamp }), { capture: true });
  }
  window.__benchProbe = state;

  // Scrolls the instance table down by a fixed step each frame; frame times and frames that would paint blank rows.
  window.__benchScroll = (durationMs, stepPx) =>
    new Promise((resolve) => {
      const scroller = document.querySelector('[data-testid="instance-table"]');
      const header = scroller.querySelector('thead');
      const frameMs = [];
      let blankFrames = 0;
      let previous;
      let started;
      const frame = (now) => {
        if (previous !== undefined) frameMs.push(now - previous);
        previous = now;
        started ??= now;
        if (now - started > durationMs) {
          resolve({ frameMs, blankFrames });
          return;
        }
        // The new position, checked against the rows in the DOM now: exactly what this frame will paint.
        scroller.scrollTop += stepPx;
        const view = scroller.getBoundingClientRect();
        const top = view.top + header.getBoundingClientRect().height;
        const rows = scroller.querySelectorAll('[data-testid="instance-row"]');
        const first = rows[0]?.getBoundingClientRect();
        const last = rows[rows.length - 1]?.getBoundingClientRect();
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
        const covered = first !== undefined && last !== undefined && first.top <= top + 1 && (last.bottom >= view.bottom - 1 || atEnd);
        if (!covered) blankFrames += 1;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  window.__kpdInvoke = async (wire, request) => {
    const answer = JSON.parse(await window.__kpdInvokeRaw(wire, request));
    if (wire.endsWith('inventory.load')) state.dataAt = performance.now();
    return answer;
  };
})();`;

export interface ProbeState {
  changes: number[];
  paints: Array<{ changedAt: number; paintedAt: number; rows: boolean }>;
  inputs: Array<{ type: string; at: number }>;
  dataAt: number;
}
