// Pushed updates: GET /api/v1/events?unit= is a Server-Sent Events stream (read with fetch, which can send the bearer
// token; EventSource cannot). While every stream is up, pages reload on events; while one is down they poll.
import { session } from './api.js';

/**
 * Watches the subtrees under `units`; calls `onChange()` (at most every 300 ms) on an event and `onState(up)` when the
 * streams come up or go down. Returns a function that stops watching.
 */
export function watchChanges(units, onChange, onState = () => {}) {
  let stopped = false;
  let timer = null;
  const up = new Map();
  const controllers = [];
  const changed = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => { timer = null; if (!stopped) onChange(); }, 300);
  };
  const report = () => onState(units.length > 0 && units.every((u) => up.get(u)));
  const open = async (unit) => {
    while (!stopped) {
      const controller = new AbortController();
      controllers.push(controller);
      try {
        const response = await fetch(`/api/v1/events?unit=${unit}`, {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` }, signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(message)?.[1];
            if (event === 'ready') { up.set(unit, true); report(); changed(); }
            else if (event === 'change' || event === 'resync') changed();
          }
        }
      } catch { /* dropped: poll until it is back */ }
      up.set(unit, false);
      report();
      if (!stopped) await new Promise((r) => setTimeout(r, 3000));
    }
  };
  units.forEach(open);
  report();
  return () => { stopped = true; clearTimeout(timer); controllers.forEach((c) => c.abort()); };
}
