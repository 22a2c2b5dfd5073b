// The optional short sound and vibration that go with a signal: both off until the attendee turns
// them on, and the choice kept on this device (localStorage), like the language.
import { t } from './i18n.js';
import { $, announce } from './dom.js';

const SETTINGS_KEY = 'ensemble.alerts';
const VIBRATION = [180, 90, 180];
const TONES = [660, 880];  // Hz: two short notes going up, heard as "something new", not as an alarm

function loadSettings() {
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY));
    return { sound: saved?.sound === true, vibrate: saved?.vibrate === true };
  } catch {
    return { sound: false, vibrate: false };
  }
}

export class Alerts {
  // Wires the two checkboxes (#alert-sound, #alert-vibrate) and the try button (#alert-try).
  constructor() {
    this.settings = loadSettings();
    this.audio = null;
    for (const [name, id] of [['sound', 'alert-sound'], ['vibrate', 'alert-vibrate']]) {
      const box = $(id);
      box.checked = this.settings[name];
      box.addEventListener('change', () => this.choose(name, box.checked));
    }
    $('alert-try').addEventListener('click', () => {
      this.ring();
      if (!this.settings.sound && !this.settings.vibrate) announce(t('alerts_none_chosen'));
    });
    // Browsers let a page play sound only after the person touched it: the first touch opens the way.
    const unlock = () => { if (this.settings.sound) this.context(); };
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
  }

  choose(name, on) {
    this.settings = { ...this.settings, [name]: on };
    try { localStorage.setItem(SETTINGS_KEY, JSON.stringify(this.settings)); } catch { /* kept for this visit */ }
    if (on) this.ring();  // so the person hears or feels what they chose
  }

  // Sound and vibration, each only when chosen.
  ring() {
    if (this.settings.vibrate && typeof navigator.vibrate === 'function') navigator.vibrate(VIBRATION);
    if (this.settings.sound) this.chime();
  }

  context() {
    const Context = globalThis.AudioContext || globalThis.webkitAudioContext;
    if (!Context) return null;
    if (!this.audio) this.audio = new Context();
    if (this.audio.state === 'suspended') this.audio.resume().catch(() => {});
    return this.audio;
  }

  chime() {
    const audio = this.context();
    if (!audio) return;
    const start = audio.currentTime + 0.01;
    TONES.forEach((frequency, i) => {
      const at = start + i * 0.18;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.18);
    });
  }
}
