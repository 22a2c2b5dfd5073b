// host.html: the people who run the event together: their host links (the co-host card) and the log of
// who did what. Names are user text: they only ever go in as text.
import { t, clockTime, errorText } from './i18n.js';
import { $, el, replaceChildren, setText } from './dom.js';
import { kindName } from './round-plan.js';

const LOG_KEPT = 50;  // as the server keeps them (protocol.md, Limits)

// A link's name as people read it: the creator may have given none.
export function linkName(name) {
  return name ? name : t('host_default_name');
}

// One log entry as a sentence in the page's language (protocol.md, host_state `log`).
export function logSentence(entry) {
  const by = linkName(entry.by_name);
  switch (entry.action) {
    case 'start_event': return t('log_start_event', { by });
    case 'next_round': return t('log_next_round', { by, round: entry.round });
    case 'end_round': return t('log_end_round', { by, round: entry.round });
    case 'extend_round': return t('log_extend_round', { by, minutes: entry.minutes });
    case 'pause': return t('log_pause', { by });
    case 'resume': return t('log_resume', { by });
    case 'broadcast': return t('log_broadcast', { by, text: entry.text });
    case 'move_attendee': return t('log_move_attendee', { by, name: entry.attendee_name, table: entry.table });
    case 'remove_attendee': return t('log_remove_attendee', { by, name: entry.attendee_name });
    case 'erase_attendee': return t('log_erase_attendee', { by, id: entry.attendee_id });
    case 'merge_attendees': return t('log_merge_attendees', { by, name: entry.attendee_name, into: entry.into_name });
    case 'end_event': return t('log_end_event', { by });
    case 'round_kind_set': return t('log_round_kind_set', { by, round: entry.round, kind: kindName(entry.kind) });
    case 'topic_table_opened': return t('log_topic_table_opened', { by, round: entry.round, label: entry.label });
    case 'topic_table_closed': return t('log_topic_table_closed', { by, round: entry.round, label: entry.label });
    case 'host_link_created': return t('log_host_link_created', { by, name: linkName(entry.link_name) });
    case 'host_link_revoked': return t('log_host_link_revoked', { by, name: linkName(entry.link_name) });
    case 'staff_link_created': return t('log_staff_link_created', { by, name: entry.link_name });
    case 'staff_link_revoked': return t('log_staff_link_revoked', { by, name: entry.link_name });
    default: return t('log_other', { by });
  }
}

// The co-host card and the log. handlers: onCreate(name) sends the command and returns its ref (null when
// offline); onRevoke(link) asks to confirm first, so it resolves to the ref.
export class HostTeam {
  constructor({ onCreate, onRevoke }) {
    this.onCreate = onCreate;
    this.onRevoke = onRevoke;
    this.links = [];
    this.log = [];
    this.you = null;  // {link, name}: the link this console came in with
    this.createRef = null;
    this.revokeRef = null;
    this.shown = null;  // the link just made, shown once: {id, name}
    $('cohost-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const name = $('cohost-name').value.trim();
      if (!name) {
        this.showError(t('err_invalid_field', { field: t('field_name') }));
        $('cohost-name').focus();
        return;
      }
      this.showError('');
      this.createRef = this.onCreate(name);
    });
  }

  welcome(you) { this.you = you || null; }

  // From host_state: everything anew.
  reset(links, log) {
    this.links = links || [];
    this.log = (log || []).slice(-LOG_KEPT);
    this.redraw();
  }

  // From host_update: the whole list when it changed, new log entries to append.
  update(links, log) {
    if (links) {
      this.links = links;
      this.drawLinks();
    }
    if (log && log.length > 0) {
      this.log = this.log.concat(log).slice(-LOG_KEPT);
      for (const entry of log) $('host-log').prepend(this.logItem(entry));
      while ($('host-log').children.length > LOG_KEPT) $('host-log').lastElementChild.remove();
      $('no-log').hidden = true;
    }
  }

  redraw() {
    this.drawLinks();
    replaceChildren($('host-log'), ...this.log.slice().reverse().map((entry) => this.logItem(entry)));
    $('no-log').hidden = this.log.length > 0;
  }

  logItem(entry) {
    return el('li', {}, el('time', { dateTime: new Date(entry.at).toISOString() }, clockTime(entry.at)), ' ',
      logSentence(entry));
  }

  drawLinks() {
    // A link revoked since it was made is not offered to pass on any more.
    if (this.shown && !this.links.some((link) => link.id === this.shown.id)) {
      this.shown = null;
      $('cohost-new').hidden = true;
      $('cohost-new-link').value = '';
    }
    if (this.shown) setText('cohost-new-text', t('cohost_new_text', { name: this.shown.name }));
    const canRevoke = this.links.length > 1;
    replaceChildren($('cohost-links'), ...this.links.map((link) => {
      const mine = this.you && this.you.link === link.id;
      const label = [linkName(link.name)];
      if (link.creator) label.push(t('cohost_creator'));
      if (mine) label.push(t('cohost_you'));
      const revoke = canRevoke && el('button', {
        type: 'button', class: 'secondary small', dataset: { revoke: link.id },
        attrs: { 'aria-label': t('cohost_revoke_named', { name: linkName(link.name) }) },
        on: { click: async () => { this.revokeRef = await this.onRevoke(link); } },
      }, t('cohost_revoke'));
      return el('li', { dataset: { link: link.id } }, el('span', { class: 'cohost-name' }, label.join(' · ')), ' ',
        revoke);
    }));
  }

  // The console's answer to create_host_link: the new link, shown once to be passed on.
  created(msg, url) {
    if (msg.ref !== this.createRef) return;
    this.createRef = null;
    this.showError('');
    $('cohost-name').value = '';
    this.shown = { id: msg.link.id, name: msg.link.name };
    $('cohost-new-link').value = url;
    setText('cohost-new-text', t('cohost_new_text', { name: msg.link.name }));
    setText('cohost-copied', '');
    $('cohost-new').hidden = false;
    $('cohost-new-link').focus();
    $('cohost-new-link').select();
  }

  // The text for an error that answers this card's commands, or null when it answers something else.
  // A refused link is also said beside the form.
  explain(msg) {
    if (msg.ref === undefined || msg.ref === null) return null;
    const unfielded = msg.code === 'invalid_field' && !msg.field;
    if (msg.ref === this.createRef) {
      const text = unfielded ? t('err_too_many_links') : errorText(msg);
      this.showError(text);
      return text;
    }
    if (msg.ref === this.revokeRef && unfielded) return t('err_last_link');
    return null;
  }

  showError(text) {
    setText('cohost-error', text);
    if (text) $('cohost-name').setAttribute('aria-invalid', 'true');
    else $('cohost-name').removeAttribute('aria-invalid');
  }
}

// The read-only staff links (protocol.md, Host links): made, shown once, copied and revoked like co-host
// links, and the host's own way into the review. handlers as HostTeam's.
export class StaffLinks {
  constructor({ onCreate, onRevoke, reviewUrl }) {
    this.onCreate = onCreate;
    this.onRevoke = onRevoke;
    this.links = [];
    this.createRef = null;
    this.shown = null;  // the link just made, shown once: {id, name}
    $('open-review').href = reviewUrl;
    $('staff-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const name = $('staff-name').value.trim();
      if (!name) {
        this.showError(t('err_invalid_field', { field: t('field_name') }));
        $('staff-name').focus();
        return;
      }
      this.showError('');
      this.createRef = this.onCreate(name);
    });
  }

  // From host_state (everything anew) and host_update (the whole list, when it changed).
  update(links) {
    if (!links) return;
    this.links = links;
    this.redraw();
  }

  redraw() {
    if (this.shown && !this.links.some((link) => link.id === this.shown.id)) {
      this.shown = null;
      $('staff-new').hidden = true;
      $('staff-new-link').value = '';
    }
    if (this.shown) setText('staff-new-text', t('staff_new_text', { name: this.shown.name }));
    replaceChildren($('staff-links'), ...this.links.map((link) => el('li', { dataset: { staffLink: link.id } },
      el('span', { class: 'cohost-name' }, link.name), ' ',
      el('button', {
        type: 'button', class: 'secondary small',
        attrs: { 'aria-label': t('staff_revoke_named', { name: link.name }) },
        on: { click: () => this.onRevoke(link) },
      }, t('cohost_revoke')))));
  }

  // The answer to create_staff_link: the link, shown once to be passed on.
  created(msg, url) {
    if (msg.ref !== this.createRef) return;
    this.createRef = null;
    $('staff-name').value = '';
    this.shown = { id: msg.link_id, name: msg.name };
    $('staff-new-link').value = url;
    setText('staff-new-text', t('staff_new_text', { name: msg.name }));
    setText('staff-copied', '');
    $('staff-new').hidden = false;
    $('staff-new-link').focus();
    $('staff-new-link').select();
  }

  // The text for an error answering create_staff_link, or null.
  explain(msg) {
    if (msg.ref === undefined || msg.ref === null || msg.ref !== this.createRef) return null;
    const text = msg.code === 'invalid_field' && !msg.field ? t('err_too_many_staff_links') : errorText(msg);
    this.showError(text);
    return text;
  }

  showError(text) {
    setText('staff-error', text);
    if (text) $('staff-name').setAttribute('aria-invalid', 'true');
    else $('staff-name').removeAttribute('aria-invalid');
  }
}
