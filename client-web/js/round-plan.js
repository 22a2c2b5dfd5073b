// The plan of rounds: one kind per round (protocol.md, Kinds of round), chosen on the create form and
// changed in the console for any round not started yet.
import { t } from './i18n.js';
import { el, replaceChildren } from './dom.js';

export const ROUND_KINDS = ['discovery', 'mutual_help', 'pairs', 'local', 'meet_again', 'topic_tables'];

export const kindName = (kind) => t(`kind_${ROUND_KINDS.includes(kind) ? kind : 'discovery'}`);

// One row: "Tour n" and its kind, a select while it can change, plain text once started.
function row(idPrefix, round, kind, open, onChange) {
  const id = `${idPrefix}-${round}`;
  if (!open) return el('li', { text: t('plan_round_done', { n: round, kind: kindName(kind) }) });
  const hint = el('span', { class: 'hint', id: `${id}-hint`, text: t(`kind_hint_${kind}`) });
  const select = el('select', { id, attrs: { 'aria-describedby': hint.id } },
    ROUND_KINDS.map((k) => el('option', { value: k, text: kindName(k), selected: k === kind })));
  select.addEventListener('change', () => {
    hint.textContent = t(`kind_hint_${select.value}`);
    onChange(round, select.value);
  });
  return el('li', { class: 'field' }, el('label', { attrs: { for: id }, text: t('plan_round', { n: round }) }), select, hint);
}

// Draws `kinds` (one per round) into the list; rounds up to `started` are shown as started.
export function drawPlan(list, idPrefix, kinds, started, onChange) {
  replaceChildren(list, kinds.map((kind, i) => row(idPrefix, i + 1, kind, i + 1 > started, onChange)));
}

// index.html: the plan follows the number of rounds typed, keeping the kinds already chosen.
export class RoundPlanEditor {
  constructor(list, roundsInput) {
    this.list = list;
    this.rounds = roundsInput;
    this.kinds = [];
    roundsInput.addEventListener('input', () => this.draw());
  }

  read() {
    const count = Math.max(0, Math.min(50, Math.trunc(Number(this.rounds.value)) || 0));
    while (this.kinds.length < count) this.kinds.push('discovery');
    return this.kinds.slice(0, count);
  }

  draw() {
    drawPlan(this.list, 'round-kind', this.read(), 0, (round, kind) => { this.kinds[round - 1] = kind; });
  }
}
