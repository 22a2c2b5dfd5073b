// What the host does to one attendee from their row or card: move them (a searchable picker of tables),
// merge a duplicate entry into the one to keep (a picker of people, then a confirmation), remove them,
// erase their data (a confirmation that says it cannot be undone).
import { t } from './i18n.js';
import { announce, confirmDialog } from './dom.js';
import { messages } from './protocol.js';
import { tableOf } from './host-state.js';
import { peopleChoices, tableChoices, connectionOf } from './attendee-query.js';
import { pick } from './picker.js';

const NAMES_SHOWN = 4;  // of a table's people, in a choice of the move picker

// send(message) → whether it left for the server; currentState(): the console's state as it is now.
export function hostActions({ send, currentState }) {
  const nameOf = (state, id) => state.attendees.get(id)?.name ?? `#${id}`;

  async function onMove(attendee) {
    const from = tableOf(currentState(), attendee.id);
    const number = await pick({
      title: t('move_title', { name: attendee.name }),
      label: t('move_search_label'),
      search: (text) => {
        const state = currentState();
        const { items, more } = tableChoices(state, text, { except: from });
        return {
          more,
          items: items.map((table) => ({
            key: String(table.number),
            value: table.number,
            label: table.isNew ? t('new_table', { n: table.number }) : t('table_n', { n: table.number }),
            detail: table.isNew ? '' : t('table_people', {
              n: table.attendees.length,
              names: table.attendees.slice(0, NAMES_SHOWN).map((id) => nameOf(state, id)).join(', ')
                + (table.attendees.length > NAMES_SHOWN ? '…' : ''),
            }),
          })),
        };
      },
    });
    if (number === null) return;
    if (send(messages.moveAttendee(attendee.id, number))) announce(t('move_sent', { name: attendee.name, n: number }));
  }

  async function onMerge(duplicate) {
    const keepId = await pick({
      title: t('merge_title', { name: duplicate.name }),
      hint: t('merge_hint'),
      label: t('merge_search_label'),
      search: (text) => {
        const state = currentState();
        const { items, more } = peopleChoices(state, text, { except: duplicate.id });
        return {
          more,
          items: items.map((a) => {
            const table = tableOf(state, a.id);
            return {
              key: String(a.id),
              value: a.id,
              label: a.name,
              detail: [a.organisation, t(`connection_${connectionOf(a)}`),
                table === null ? null : t('table_n', { n: table })].filter(Boolean).join(' · '),
            };
          }),
        };
      },
    });
    if (keepId === null) return;
    const keep = currentState().attendees.get(keepId);
    const label = (a) => `${a.name} (${a.organisation})`;
    if (!keep || !(await confirmDialog(t('merge_confirm', { duplicate: label(duplicate), keep: label(keep) }), t('merge_yes')))) return;
    if (send(messages.mergeAttendees(duplicate.id, keepId))) announce(t('merge_sent'));
  }

  async function onRemove(attendee) {
    if (await confirmDialog(t('remove_confirm', { name: attendee.name }), t('remove'))) send(messages.removeAttendee(attendee.id));
  }

  async function onErase(attendee) {
    if (await confirmDialog(t('erase_confirm', { name: attendee.name }), t('erase'))) send(messages.eraseAttendee(attendee.id));
  }

  return { onMove, onMerge, onRemove, onErase };
}
