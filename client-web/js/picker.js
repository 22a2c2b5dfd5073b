// A searchable picker in a modal <dialog>: a search field and the first matching choices as buttons,
// so a long list (10,000 people, 2,000 tables) is never drawn whole. Keyboard: type, Enter takes the
// first choice, arrows go through the choices, Escape cancels. Resolves with the value picked, or null.
import { t } from './i18n.js';
import { el, replaceChildren, setText } from './dom.js';

let opened = 0;

// Back to the button that opened the dialog, or to its successor if a redraw replaced it meanwhile.
export function returnFocus(opener) {
  if (!opener) return;
  const key = opener.dataset && opener.dataset.focusKey;
  const again = opener.isConnected || !key ? opener : document.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  if (again) again.focus();
}

// title: the dialog's heading; label: the search field's; search(text) → {items: [{value, label,
// detail, key}], more}; hint: an optional sentence under the heading.
export function pick({ title, label, hint = '', search }) {
  return new Promise((resolve) => {
    opened += 1;
    const id = `picker-${opened}`;
    const opener = document.activeElement;
    const input = el('input', { id: `${id}-search`, type: 'search', autocomplete: 'off', attrs: { 'aria-describedby': `${id}-count` } });
    const count = el('p', { id: `${id}-count`, class: 'hint', attrs: { role: 'status' } });
    const list = el('ul', { class: 'picker-choices', attrs: { 'aria-labelledby': `${id}-title` } });
    const cancel = el('button', { type: 'button', class: 'secondary', dataset: { pick: 'cancel' } }, t('cancel'));
    const dialog = el('dialog', { class: 'picker', attrs: { 'aria-labelledby': `${id}-title` } },
      el('h2', { id: `${id}-title` }, title),
      hint ? el('p', {}, hint) : null,
      el('div', { class: 'field' }, el('label', { attrs: { for: `${id}-search` } }, label), input),
      count, list, el('div', { class: 'actions' }, cancel));
    let answer = null;
    let choices = [];
    const choose = (value) => { answer = value; dialog.close(); };

    const refresh = () => {
      const { items, more } = search(input.value);
      choices = items;
      replaceChildren(list, items.map((item) => el('li', {},
        el('button', { type: 'button', class: 'choice', dataset: { pickKey: item.key }, on: { click: () => choose(item.value) } },
          el('span', { class: 'choice-label' }, item.label),
          item.detail ? el('span', { class: 'choice-detail' }, item.detail) : null))));
      const shown = items.length === 0 ? t('picker_none') : t('picker_count', { n: items.length });
      setText(count, more > 0 ? `${shown} ${t('picker_more', { n: more })}` : shown);
    };

    input.addEventListener('input', refresh);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        if (choices.length > 0) choose(choices[0].value);
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        list.querySelector('button')?.focus();
      }
    });
    list.addEventListener('keydown', (event) => {
      const buttons = [...list.querySelectorAll('button')];
      const at = buttons.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < buttons.length - 1) buttons[at + 1].focus();
      else if (event.key === 'ArrowUp') (at > 0 ? buttons[at - 1] : input).focus();
      else return;
      event.preventDefault();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus(opener);
      resolve(answer);
    });
    refresh();
    document.body.appendChild(dialog);
    dialog.showModal();
    input.focus();
  });
}
