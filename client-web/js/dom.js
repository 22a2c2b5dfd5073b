// Small DOM helpers. Text always goes in as text nodes: nothing here ever parses HTML.
import { t } from './i18n.js';

export const $ = (id) => document.getElementById(id);

// el('li', {class: 'mate', dataset: {id: 4}, attrs: {lang: 'fr'}, on: {click: fn}}, 'text', childNode)
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [a, v] of Object.entries(value)) node.setAttribute(a, v);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === 'text') node.textContent = value;
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(node, ...children) {
  node.textContent = '';
  append(node, children);
}

export function setText(idOrNode, text) {
  const node = typeof idOrNode === 'string' ? $(idOrNode) : idOrNode;
  if (node && node.textContent !== text) node.textContent = text;
}

// Show exactly one of the given ids, hide the rest. If that hid the focused element, focus moves to
// the new section's heading, so keyboard and screen reader users are not dropped at the page top.
export function showOnly(visible, ids) {
  const before = document.activeElement;
  for (const id of ids) $(id).hidden = id !== visible;
  const lost = !before || before === document.body || Boolean(before.closest('[hidden]'));
  const heading = $(visible).querySelector('h1');
  if (lost && heading && before !== heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

// The page's one polite live region (#live), written at once: were it emptied first, it would be hidden
// for a moment (.status:empty) and the page below would jump under the pointer. The same sentence again
// ends with a no-break space, so that it changes and is heard twice.
export function announce(text) {
  const region = $('live');
  if (!region) return;
  region.textContent = region.textContent === text ? `${text}\u00a0` : text;
}

// A copy button for the text of an <input readonly> or link; reports through the live region, and in
// `note` too when given, for everyone to see that it worked.
export function wireCopy(button, getText, note = null) {
  button.addEventListener('click', async () => {
    let said;
    try {
      await navigator.clipboard.writeText(getText());
      said = t('copied');
    } catch {
      said = t('copy_failed');
    }
    announce(said);
    if (note) setText(note, said);
  });
}

// A modal confirmation built on <dialog>: resolves true when the user confirms.
export function confirmDialog(message, confirmLabel, cancelLabel = t('cancel')) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const text = el('p', { id: 'confirm-text' }, message);
    const yes = el('button', { type: 'button', class: 'danger', dataset: { confirm: 'yes' } }, confirmLabel);
    const no = el('button', { type: 'button', class: 'secondary', dataset: { confirm: 'no' } }, cancelLabel);
    const dialog = el('dialog', { class: 'confirm', attrs: { 'aria-labelledby': 'confirm-text' } },
      text, el('div', { class: 'actions' }, no, yes));
    let answer = false;
    yes.addEventListener('click', () => { answer = true; dialog.close(); });
    no.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(answer);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    no.focus();
  });
}
