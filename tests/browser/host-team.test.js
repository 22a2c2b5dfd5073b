// The console's log of who did what, as sentences: every action of protocol.md in both languages, names
// given or not. Run in Node: the sentences are pure, only their language comes from the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// What i18n.js reads of a page, so that switching languages works without one.
globalThis.navigator ??= { languages: ['fr-FR'] };
globalThis.document ??= { documentElement: {}, body: null, querySelectorAll: () => [] };
const { setLang } = await import('../../client-web/js/i18n.js');
const { logSentence, linkName } = await import('../../client-web/js/host-team.js');

const BY = { by: 2, by_name: 'Dominique', at: 1764325800000 };
const CASES = [
  [{ action: 'start_event', round: 1 }, 'Dominique a démarré l\'événement', 'Dominique started the event'],
  [{ action: 'next_round', round: 3 }, 'Dominique a lancé le tour 3', 'Dominique started round 3'],
  [{ action: 'end_round', round: 2 }, 'Dominique a terminé le tour 2', 'Dominique ended round 2'],
  [{ action: 'extend_round', minutes: 2 }, 'Dominique a prolongé le tour de 2\u00a0min',
    'Dominique extended the round by 2\u00a0min'],
  [{ action: 'pause' }, 'Dominique a mis en pause', 'Dominique paused'],
  [{ action: 'resume' }, 'Dominique a relancé le compte à rebours', 'Dominique resumed'],
  [{ action: 'broadcast', text: 'Pause café' }, 'Dominique a écrit à tout le monde\u00a0: «\u00a0Pause café\u00a0»',
    'Dominique wrote to everyone: “Pause café”'],
  [{ action: 'move_attendee', attendee_id: 7, attendee_name: 'Ana', table: 4 }, 'Dominique a déplacé Ana à la table 4',
    'Dominique moved Ana to table 4'],
  [{ action: 'remove_attendee', attendee_id: 7, attendee_name: 'Ana' }, 'Dominique a retiré Ana de l\'événement',
    'Dominique removed Ana from the event'],
  [{ action: 'merge_attendees', attendee_id: 9, attendee_name: 'Ana B.', into_id: 7, into_name: 'Ana' },
    'Dominique a fusionné la fiche de Ana B. avec celle de Ana', 'Dominique merged the entry of Ana B. into that of Ana'],
  [{ action: 'end_event' }, 'Dominique a terminé l\'événement', 'Dominique ended the event'],
  [{ action: 'host_link_created', link_id: 3, link_name: 'Eva' }, 'Dominique a créé un lien de co-animation pour Eva',
    'Dominique created a co-host link for Eva'],
  [{ action: 'host_link_revoked', link_id: 1, link_name: '' },
    'Dominique a retiré le lien de co-animation de L\'animateur·rice principal·e',
    'Dominique revoked the host link of The lead host'],
];

test('every host action reads as a sentence naming who did it, in French and in English', () => {
  for (const [entry, french, english] of CASES) {
    setLang('fr');
    assert.equal(logSentence({ ...BY, ...entry }), french, entry.action);
    setLang('en');
    assert.equal(logSentence({ ...BY, ...entry }), english, entry.action);
  }
});

test('a creator who gave no name is the lead host; a name is kept as typed', () => {
  setLang('fr');
  assert.equal(linkName(''), 'L\'animateur·rice principal·e');
  assert.equal(logSentence({ ...BY, by_name: '', action: 'pause' }), 'L\'animateur·rice principal·e a mis en pause');
  assert.equal(linkName('<b>Camille</b>'), '<b>Camille</b>');
});
