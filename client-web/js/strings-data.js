// Data protection's strings (retention, deleting an event, erasing one's data), French first then English,
// as in i18n.js, which holds them all.
export const dataStrings = () => ({
  // index.html: the retention setting
  label_retention_days: ['Durée de conservation (jours)', 'Retention (days)'],
  hint_retention: [(p) => `Les données de l'événement sont effacées ${p.days ?? 90} jours après sa fin.`,
    (p) => `The event's data is deleted ${p.days ?? 90} days after it ends.`],
  field_retention_days: ['durée de conservation', 'retention'],
  expect_retention_days: [(p) => `La durée de conservation va de ${p.min} à ${p.max} jours.`,
    (p) => `The retention is ${p.min} to ${p.max} days.`],

  // join.html: how long, with the event's own number
  data_how_long_days: [(p) => `Les données de l'événement (les vôtres comprises) sont effacées ${p.days} jours après sa fin. Vous pouvez effacer les vôtres avant, depuis votre lien personnel ; l'animateur·rice peut aussi les effacer.`,
    (p) => `The event's data (yours included) is deleted ${p.days} days after it ends. You can erase yours before that from your personal link; the host can erase them too.`],

  // The attendee's own erasure (erase-me.js)
  my_data_heading: ['Mes données', 'My data'],
  my_data_hint: ['Vous pouvez effacer à tout moment ce que cet événement garde de vous : vos rencontres restent comptées, sans votre nom.',
    'You can erase at any time what this event keeps about you: your meetings still count, without your name.'],
  erase_me: ['Effacer mes données', 'Erase my data'],
  erase_me_confirm: ['Effacer vos données ? Votre nom, votre structure, votre fonction, vos coordonnées, vos messages et vos réponses seront supprimés, et votre lien ne fonctionnera plus. C\'est définitif.',
    'Erase your data? Your name, organisation, role, contact details, messages and answers will be deleted, and your link will stop working. This cannot be undone.'],
  erase_me_yes: ['Effacer définitivement', 'Erase for good'],
  erase_me_done: ['Vos données ont été effacées.', 'Your data has been erased.'],
  erased_heading: ['Vos données ont été effacées', 'Your data has been erased'],
  erased_text: ['Votre nom, vos messages et vos réponses ont été supprimés de cet événement. Ce lien ne fonctionne plus.',
    'Your name, messages and answers have been deleted from this event. This link no longer works.'],
  deleted_heading: ['Événement supprimé', 'Event deleted'],
  deleted_text: ['L\'animateur·rice a supprimé cet événement et toutes ses données.',
    'The host deleted this event and all its data.'],

  // The host console
  anonymous: ['Anonyme', 'Anonymous'],
  erase: ['Effacer', 'Erase'],
  erase_confirm: [(p) => `Effacer les données de ${p.name} ? Son nom, sa structure, sa fonction, ses coordonnées, ses messages et ses réponses seront supprimés ; il ou elle restera compté·e comme une personne anonyme. C'est définitif.`,
    (p) => `Erase ${p.name}'s data? Their name, organisation, role, contact details, messages and answers will be deleted; they will still count, as an anonymous person. This cannot be undone.`],
  log_erase_attendee: [(p) => `${p.by} a effacé les données d'une personne (n° ${p.id})`,
    (p) => `${p.by} erased one person's data (no. ${p.id})`],
  delete_event: ['Supprimer l\'événement', 'Delete the event'],
  delete_event_confirm: ['Supprimer l\'événement et toutes ses données (participant·es, tables, discussions, réponses) ? Tout le monde sera déconnecté. C\'est définitif : cela ne peut pas être annulé.',
    'Delete the event and all its data (attendees, tables, chats, answers)? Everyone will be disconnected. This is final: it cannot be undone.'],
  delete_event_yes: ['Supprimer définitivement', 'Delete for good'],
  event_deleted: ['L\'événement a été supprimé, avec toutes ses données.', 'The event has been deleted, with all its data.'],
});
