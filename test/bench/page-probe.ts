/**
 * Runs in the page before the app. It times what the user sees: when the DOM changed (a MutationObserver, run
 * right after React commits) and when that change was painted (the first task after the next animation frame,
 * which Chromium runs once the frame is produced), plus the time of every key press and click.
 *
 * It also wraps the bridge's transport (answers and events arrive as JSON text, see bench-browser-app.ts), to mark
 * when the region was chosen, when its first pages reached the page, and what was asked when. Plain JavaScript in a string: a function's source as transpiled by tsx may
 * call helpers the page does not have.
 */
export const pageProbeScript = `(() => {
  const state = { changes: [], paints: [], inputs: [], dataAt: -1, listAt: -1, cachedAt: -1, invokes: [], answers: [], watches: {} };
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
      state.paints.push({
        changedAt,
        paintedAt: performance.now(),
        rows: document.querySelector('[data-testid="instance-row"]') !== null,
        cachedRows: document.querySelector('[data-testid="instance-row"][data-cached="true"]') !== null,
      });
    };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(frame);
  const observer = new MutationObserver(() => {
    state.changes.push(performance.now());
  });
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-instance-id', 'data-query'] });
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
    const channel = wire.replace(/^kpd:/, '');
    const scope = request && request.scope ? request.scope.kind : null;
    const at = performance.now();
    state.invokes.push({ channel, scope, at });
    // The region chosen: the moment its listing is asked for.
    if (channel === 'inventory.list' && scope === 'region' && state.listAt < 0) state.listAt = at;
    const answer = JSON.parse(await window.__kpdInvokeRaw(wire, request));
    state.answers.push({ channel, scope, at: performance.now() });
    return answer;
  };

  // Main's events arrive here (as JSON text) and go on to the bridge; the first page of each kind is marked.
  window.__benchDeliver = (wire, text) => {
    const payload = JSON.parse(text);
    if (wire.endsWith('inventory.page')) {
      if (payload.source === 'fresh' && state.dataAt < 0) state.dataAt = performance.now();
      if (payload.source === 'cached' && state.cachedAt < 0) state.cachedAt = performance.now();
    }
    window.__kpdDeliver(wire, payload);
  };

  // Records when a condition on the page first holds, checked after every DOM change (so, at the change that made
  // it hold), e.g. the Review button turning enabled.
  window.__benchWatch = (name, holds) => {
    if (holds()) {
      state.watches[name] = performance.now();
      return;
    }
    const watcher = new MutationObserver(() => {
      if (!holds()) return;
      state.watches[name] = performance.now();
      watcher.disconnect();
    });
    watcher.observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true });
  };
  // The same, for "a button whose text matches this pattern is enabled".
  window.__benchWatchButton = (name, pattern) => {
    const matcher = new RegExp(pattern);
    window.__benchWatch(name, () => [...document.querySelectorAll('button')].some((button) => matcher.test((button.textContent || '').trim()) && !button.disabled));
  };

  // Before a key press in the instance search: watches for the DOM change that shows the table's results for the
  // text it will make (the table says which query it rendered, and every row shown contains the text).
  window.__benchExpectResults = (text) => {
    window.__benchWatch('results:' + text, () => {
      const table = document.querySelector('[data-testid="instance-table"]');
      if (!table || table.getAttribute('data-query') !== text) return false;
      return [...document.querySelectorAll('[data-testid="instance-row"]')].every((row) => (row.textContent || '').toLowerCase().includes(text));
    });
  };
  // After it: from the key's keydown to the paint of that change, once painted; NaN until then.
  window.__benchResultsLatency = (text) => {
    const shownAt = state.watches['results:' + text];
    if (shownAt === undefined) return Number.NaN;
    const paint = state.paints.find((candidate) => candidate.paintedAt >= shownAt);
    if (paint === undefined) return Number.NaN;
    const keydowns = state.inputs.filter((input) => input.type === 'keydown' && input.at <= shownAt);
    return paint.paintedAt - keydowns[keydowns.length - 1].at;
  };
})();`;

export interface ProbeState {
  changes: number[];
  paints: Array<{ changedAt: number; paintedAt: number; rows: boolean; cachedRows: boolean }>;
  inputs: Array<{ type: string; at: number }>;
  /** When the first fresh page of instances reached the page. */
  dataAt: number;
  /** When the region's listing was asked for (the region chosen). */
  listAt: number;
  /** When the first page from the copy on disk reached the page. */
  cachedAt: number;
  invokes: Array<{ channel: string; scope: string | null; at: number }>;
  answers: Array<{ channel: string; scope: string | null; at: number }>;
  watches: Record<string, number>;
}
