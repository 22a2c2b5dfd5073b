// "Supprimer l'événement": the host deletes the whole event and all its data, in any phase, after a
// confirmation that says it cannot be undone. The server then closes every connection (4006), this
// console's included, which says the event is gone.
import { t, errorText } from './i18n.js';
import { announce, confirmDialog } from './dom.js';
import { deleteEvent } from './protocol.js';

// `status(text, isError)` reports through the console's live region.
export function wireDeleteEvent(button, { eventId, token, status }) {
  button.addEventListener('click', async () => {
    if (!(await confirmDialog(t('delete_event_confirm'), t('delete_event_yes')))) return;
    button.disabled = true;
    try {
      await deleteEvent(eventId, token);
      announce(t('event_deleted'));
    } catch (err) {
      status(errorText(err), true);
      button.disabled = false;
    }
  });
}
