// The server's clock as seen from here, and a countdown that redraws itself without being announced.
export const WARNING_MS = 60 * 1000;

export class ServerClock {
  constructor() { this.offset = 0; }
  // offset: server_time - Date.now() when the welcome arrived (protocol.js clockOffset).
  sync(offset) { this.offset = offset; }
  now() { return Date.now() + this.offset; }
}

// "9:58", or "1:02:03" past an hour.
export function formatRemaining(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

// Drives one text element (or only onTick, when element is null) from {deadline, paused, remaining_ms}. onTick(remaining) runs each
// redraw; onWarning() runs once per key (say, one round) when a minute or less is left, and is
// armed again if the deadline moves back past the minute (the host extended the round).
export class Countdown {
  constructor(element, clock, { onTick = () => {}, onWarning = () => {} } = {}) {
    this.element = element;
    this.clock = clock;
    this.onTick = onTick;
    this.onWarning = onWarning;
    this.target = null;
    this.timer = null;
    this.warningTimer = null;
    this.warnedKey = null;
  }

  // target: {deadline, paused, remaining_ms, key, warn}; null stops it.
  set(target) {
    this.target = target;
    clearInterval(this.timer);
    clearTimeout(this.warningTimer);
    this.timer = null;
    if (!target) return;
    this.draw();
    if (target.paused || target.deadline === null) return;
    this.timer = setInterval(() => this.draw(), 250);
    // A tab long in the background gets its intervals run once a minute at most, but a single
    // timeout still comes on time: the warning does not wait for the next redraw.
    const untilWarning = this.remaining() - WARNING_MS;
    if (target.warn && untilWarning > 0) this.warningTimer = setTimeout(() => this.draw(), untilWarning + 20);
  }

  remaining() {
    const target = this.target;
    if (!target) return 0;
    if (target.paused || target.deadline === null) return target.remaining_ms ?? 0;
    return Math.max(0, target.deadline - this.clock.now());
  }

  draw() {
    const remaining = this.remaining();
    const warning = remaining <= WARNING_MS;
    if (this.element) {
      const text = formatRemaining(remaining);
      if (this.element.textContent !== text) this.element.textContent = text;
      // Only a countdown that warns turns red: a break or the host's clock has nothing to hurry.
      this.element.classList.toggle('warning', warning && Boolean(this.target.warn));
    }
    if (this.target.warn) {
      if (!warning && remaining > WARNING_MS + 1000 && this.warnedKey === this.target.key) this.warnedKey = null;
      if (warning && remaining > 0 && this.warnedKey !== this.target.key) {
        this.warnedKey = this.target.key;
        this.onWarning();
      }
    }
    this.onTick(remaining);
  }

  stop() { this.set(null); }
}
