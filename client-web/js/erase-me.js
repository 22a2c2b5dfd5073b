// "Effacer mes données": the attendee erases their own data from their personal link. A button with a
// confirmation that says it cannot be undone; the page that holds it says what happens next.
import { t, errorText } from './i18n.js';
import { el, announce, confirmDialog } from './dom.js';
import { eraseMe } from './protocol.js';

// Renders the button into `container`; `onErased()` runs once the server has erased the data (the token
// no longer works from then on).
export function renderEraseMe(container, { eventId, token, onErased = () => {} }) {
  const status = el('p', { class: 'error', attrs: { 'aria-live': 'polite' } });
  const button = el('button', { type: 'button', class: 'danger', dataset: { action: 'erase-me' } }, t('erase_me'));
  button.addEventListener('click', async () => {
    if (!(await confirmDialog(t('erase_me_confirm'), t('erase_me_yes')))) return;
    button.disabled = true;
    status.textContent = '';
    try {
      await eraseMe(eventId, token);
      announce(t('erase_me_done'));
      onErased();
    } catch (err) {
      status.textContent = errorText(err);
      button.disabled = false;
    }
  });
  container.replaceChildren(button, status);
  return button;
}
