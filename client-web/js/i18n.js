// Every string the user reads, French first then English, side by side so neither can go missing.
const LANG_KEY = 'ensemble.lang';
const LANGS = ['fr', 'en'];

const plural = (n, one, many) => (n === 1 ? one : many);

const S = {
  lang_switch: ['English', 'Français'],
  lang_switch_label: ['Switch to English', 'Passer en français'],
  skip_link: ['Aller au contenu', 'Skip to content'],
  loading: ['Chargement…', 'Loading…'],
  reconnecting: ['Reconnexion en cours…', 'Reconnecting…'],
  chat_offline: ['Hors connexion : votre message est gardé ici, envoyez-le quand la connexion revient.',
    'Offline: your message is kept here; send it when the connection is back.'],
  chat_unsent: ['Message non envoyé : la connexion a été coupée. Il est gardé ici, renvoyez-le.',
    'Message not sent: the connection dropped. It is kept here; send it again.'],
  reconnected: ['Connexion rétablie.', 'Connection restored.'],
  copied: ['Lien copié.', 'Link copied.'],
  copy_failed: ['Copie impossible : sélectionnez le lien et copiez-le à la main.',
    'Could not copy: select the link and copy it yourself.'],
  cancel: ['Annuler', 'Cancel'],
  retry: ['Réessayer', 'Try again'],
  present: [(p) => `${p.n} participant·e${plural(p.n, '', 's')} présent·e${plural(p.n, '', 's')}`,
    (p) => `${p.n} ${plural(p.n, 'attendee', 'attendees')} present`],
  round_of: [(p) => `Tour ${p.round} sur ${p.rounds}`, (p) => `Round ${p.round} of ${p.rounds}`],
  time_left: ['Temps restant', 'Time left'],
  paused_badge: ['En pause', 'Paused'],
  in_minutes: [(p) => `${p.n}\u00a0min`, (p) => `${p.n}\u00a0min`],
  in_seconds: [(p) => `${p.n}\u00a0s`, (p) => `${p.n}\u00a0s`],

  // Server error codes (protocol.md, Errors).
  err_malformed_json: ['La demande est mal formée.', 'The request is malformed.'],
  err_unknown_type: ['Cette commande est inconnue du serveur.', 'The server does not know this command.'],
  err_invalid_field: [(p) => `Vérifiez ce champ : ${p.field}.`, (p) => `Please check this field: ${p.field}.`],
  err_unauthorized: ['Ce lien n\'est pas valable.', 'This link is not valid.'],
  err_forbidden: ['Seul·e l\'animateur·rice peut faire cela.', 'Only the host can do this.'],
  err_not_found: ['Introuvable : l\'événement, la personne ou la table n\'existe pas.',
    'Not found: the event, person or table does not exist.'],
  err_wrong_phase: ['Ce n\'est pas possible à ce moment de l\'événement.', 'This is not possible at this stage of the event.'],
  err_event_ended: ['L\'événement est terminé.', 'The event is over.'],
  err_method_not_allowed: ['Cette action n\'est pas possible à cette adresse.', 'This action is not possible at this address.'],
  err_unsupported_media_type: ['La demande n\'est pas envoyée au bon format.', 'The request was not sent in the right format.'],
  err_event_full: ['L\'événement est complet : il a atteint son nombre de participant·es.',
    'The event is full: it has reached its number of attendees.'],
  err_rate_limited: ['Doucement : trop de messages d\'un coup. Réessayez dans quelques secondes.',
    'Slow down: too many messages at once. Try again in a few seconds.'],
  err_too_large: ['C\'est trop long.', 'This is too long.'],
  err_internal: ['Le serveur a rencontré un problème ; rien n\'a été modifié. Réessayez.',
    'The server ran into a problem; nothing was changed. Please try again.'],
  err_storage_unavailable: ['Le serveur ne peut rien enregistrer pour le moment ; rien n\'a été modifié. Réessayez dans un instant.',
    'The server cannot save anything right now; nothing was changed. Please try again in a moment.'],
  err_network: ['Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
    'The server is not answering. Check your connection and try again.'],
  err_unknown: ['Une erreur inattendue est survenue.', 'An unexpected error occurred.'],

  // Field names, used inside err_invalid_field.
  field_title: ['titre', 'title'],
  field_table_size: ['personnes par table', 'people per table'],
  field_min_table_size: ['minimum par table', 'minimum per table'],
  field_max_table_size: ['maximum par table', 'maximum per table'],
  field_rounds: ['nombre de tours', 'number of rounds'],
  field_round_seconds: ['durée d\'un tour', 'round length'],
  field_break_seconds: ['durée de la pause', 'break length'],
  field_prompts: ['questions pour lancer l\'échange', 'conversation prompts'],
  field_video_link_template: ['lien de visio', 'video link'],
  field_name: ['nom', 'name'],
  field_organisation: ['structure', 'organisation'],
  field_role: ['fonction', 'role'],
  field_text: ['message', 'message'],
  field_minutes: ['minutes', 'minutes'],
  field_attendee_id: ['participant·e', 'attendee'],
  field_table: ['table', 'table'],

  // index.html
  create_doc_title: ['Créer un temps d\'échange — ensemble', 'Create an event — ensemble'],
  create_heading: ['Créer un temps d\'échange', 'Create an event'],
  create_intro: ['À chaque tour, les participant·es changent de table pour rencontrer de nouvelles personnes. Pas besoin de compte.',
    'Each round, attendees move to a new table to meet new people. No account needed.'],
  label_title: ['Titre de l\'événement', 'Event title'],
  legend_tables: ['Tables', 'Tables'],
  label_table_size: ['Personnes par table', 'People per table'],
  label_min_table_size: ['Minimum par table', 'Minimum per table'],
  label_max_table_size: ['Maximum par table', 'Maximum per table'],
  hint_table_size: ['Entre 2 et 12. Les tables restent entre le minimum et le maximum.',
    'From 2 to 12. Tables stay between the minimum and the maximum.'],
  legend_timing: ['Déroulé', 'Schedule'],
  label_rounds: ['Nombre de tours', 'Number of rounds'],
  label_round_minutes: ['Durée d\'un tour (minutes)', 'Round length (minutes)'],
  label_break_minutes: ['Durée de la pause (minutes)', 'Break length (minutes)'],
  label_prompts: ['Questions pour lancer l\'échange (une par ligne, facultatif)',
    'Conversation prompts (one per line, optional)'],
  label_video: ['Lien de visio par table (facultatif)', 'Video link per table (optional)'],
  hint_video: ['Par exemple https://visio.example.org/{event}-{round}-{table} : {event}, {round} et {table} sont remplacés pour chaque table.',
    'For example https://visio.example.org/{event}-{round}-{table}: {event}, {round} and {table} are filled in for each table.'],
  create_submit: ['Créer l\'événement', 'Create the event'],
  creating: ['Création en cours…', 'Creating…'],
  err_table_sizes: ['Il faut : minimum ≤ personnes par table ≤ maximum.',
    'Please keep: minimum ≤ people per table ≤ maximum.'],
  created_heading: ['Votre événement est prêt', 'Your event is ready'],
  created_text: [(p) => `« ${p.title} » est créé. Gardez le lien d'animation pour vous et envoyez le lien d'invitation.`,
    (p) => `“${p.title}” is created. Keep the host link for yourself and send the join link.`],
  host_link_label: ['Lien d\'animation (à garder secret)', 'Host link (keep it secret)'],
  host_link_hint: ['Ce lien ouvre la console d\'animation : ne le partagez pas.', 'This link opens the host console: do not share it.'],
  join_link_label: ['Lien d\'invitation', 'Join link'],
  join_link_hint: ['Envoyez ce lien aux participant·es.', 'Send this link to the attendees.'],
  copy_host_link: ['Copier le lien d\'animation', 'Copy the host link'],
  copy_join_link: ['Copier le lien d\'invitation', 'Copy the join link'],
  open_console: ['Ouvrir la console d\'animation', 'Open the host console'],

  // join.html and the attendee view
  join_doc_title: ['Rejoindre — ensemble', 'Join — ensemble'],
  join_heading: ['Rejoindre le temps d\'échange', 'Join the event'],
  join_intro: ['Votre nom, votre structure et votre fonction seront montrés à vos voisin·es de table.',
    'Your name, organisation and role will be shown to your tablemates.'],
  label_name: ['Votre nom', 'Your name'],
  label_organisation: ['Votre structure', 'Your organisation'],
  label_role: ['Votre fonction (facultatif)', 'Your role (optional)'],
  join_submit: ['Entrer', 'Join'],
  joining: ['Connexion…', 'Joining…'],
  event_missing: ['Ce lien d\'invitation est incomplet : demandez-le à nouveau à l\'animateur·rice.',
    'This join link is incomplete: ask the host for it again.'],
  event_not_found: ['Cet événement n\'existe pas. Vérifiez le lien d\'invitation.', 'This event does not exist. Check the join link.'],
  rejected_heading: ['Accès impossible', 'Cannot enter'],
  token_rejected: ['Votre place dans cet événement n\'est plus valable.', 'Your place in this event is no longer valid.'],
  leave: ['Quitter l\'événement', 'Leave the event'],
  leave_confirm: ['Voulez-vous vraiment quitter l\'événement ? Vous ne pourrez pas revenir à votre table.',
    'Do you really want to leave the event? You will not be able to come back to your table.'],
  leave_yes: ['Quitter', 'Leave'],
  leave_no: ['Rester', 'Stay'],
  lobby_heading: [(p) => `Bienvenue, ${p.name} !`, (p) => `Welcome, ${p.name}!`],
  lobby_text: ['Le temps d\'échange va bientôt commencer. Restez sur cette page : votre table s\'affichera ici.',
    'The event will start soon. Stay on this page: your table will show up here.'],
  your_table: [(p) => `Vous êtes à la table ${p.n}`, (p) => `You are at table ${p.n}`],
  no_table: ['Nous vous cherchons une place…', 'Finding you a seat…'],
  mates_heading: ['Vos voisin·es de table', 'Your tablemates'],
  no_mates: ['Personne d\'autre pour le moment.', 'Nobody else yet.'],
  online: ['en ligne', 'online'],
  offline: ['hors ligne', 'offline'],
  prompt_heading: ['Pour lancer l\'échange', 'To start the conversation'],
  video_link: ['Rejoindre la visio de votre table', 'Join your table\'s video call'],
  minute_warning: ['Il reste 1 minute.', '1 minute left.'],
  chat_heading: ['Discussion de la table', 'Table chat'],
  chat_label: ['Votre message à la table', 'Your message to the table'],
  chat_send: ['Envoyer', 'Send'],
  break_heading: ['Pause', 'Break'],
  next_round_in: [(p) => `Prochain tour dans ${p.time}`, (p) => `Next round in ${p.time}`],
  next_round_at: [(p) => `Reprise à ${p.clock}.`, (p) => `Starts again at ${p.clock}.`],
  paused_text: ['L\'animateur·rice a mis le temps d\'échange en pause. Le compte à rebours reprendra bientôt.',
    'The host has paused the event. The countdown will start again soon.'],
  ended_heading: ['Merci !', 'Thank you!'],
  ended_text: ['Le temps d\'échange est terminé. Merci pour votre participation et à bientôt !',
    'The event is over. Thank you for taking part, see you soon!'],
  removed_heading: ['Vous avez été retiré·e de l\'événement', 'You have been removed from the event'],
  removed_text: ['L\'animateur·rice vous a retiré·e de ce temps d\'échange.', 'The host removed you from this event.'],
  left_heading: ['Vous avez quitté l\'événement', 'You have left the event'],
  left_text: ['Merci d\'être passé·e. À bientôt !', 'Thanks for coming. See you soon!'],
  replaced_heading: ['Ouvert ailleurs', 'Open elsewhere'],
  replaced_text: ['Cet événement est ouvert dans un autre onglet ou sur un autre appareil.',
    'This event is open in another tab or on another device.'],
  replaced_resume: ['Continuer ici', 'Continue here'],
  announcement_heading: ['Message de l\'animateur·rice', 'Message from the host'],
  announcement_said: [(p) => `Message de l'animateur·rice : ${p.text}`, (p) => `Message from the host: ${p.text}`],
  dismiss: ['Masquer le message', 'Hide the message'],
  say_round: [(p) => `Tour ${p.round} sur ${p.rounds}. Vous êtes à la table ${p.n}.`,
    (p) => `Round ${p.round} of ${p.rounds}. You are at table ${p.n}.`],
  say_break: [(p) => `Pause. Prochain tour à ${p.clock}.`, (p) => `Break. Next round at ${p.clock}.`],
  say_paused: ['Le temps d\'échange est en pause.', 'The event is paused.'],
  say_resumed: ['Le temps d\'échange reprend.', 'The event goes on.'],

  // host.html
  host_doc_title: ['Console d\'animation — ensemble', 'Host console — ensemble'],
  host_heading: ['Console d\'animation', 'Host console'],
  host_token_missing: ['Ce lien d\'animation est incomplet : la clé après « #key= » manque.',
    'This host link is incomplete: the key after “#key=” is missing.'],
  host_token_rejected: ['Ce lien d\'animation n\'est pas valable.', 'This host link is not valid.'],
  overview_heading: ['Déroulé', 'Overview'],
  phase_label: ['Étape', 'Stage'],
  phase_lobby: ['Accueil : en attente du démarrage', 'Lobby: waiting for the start'],
  phase_round: ['Tour en cours', 'Round in progress'],
  phase_break: ['Pause entre deux tours', 'Break between rounds'],
  phase_ended: ['Terminé', 'Ended'],
  round_label: ['Tour', 'Round'],
  round_none: ['pas encore commencé', 'not started yet'],
  present_label: ['Présent·es', 'Present'],
  controls_heading: ['Commandes', 'Controls'],
  start_event: ['Démarrer l\'événement', 'Start the event'],
  next_round: ['Lancer le tour suivant maintenant', 'Start the next round now'],
  end_round: ['Terminer ce tour', 'End this round'],
  extend_minutes: ['Minutes en plus', 'Extra minutes'],
  extend: ['Prolonger', 'Extend'],
  pause: ['Mettre en pause', 'Pause'],
  resume: ['Reprendre', 'Resume'],
  end_event: ['Terminer l\'événement', 'End the event'],
  end_event_confirm: ['Terminer l\'événement pour tout le monde ? C\'est définitif.',
    'End the event for everyone? This cannot be undone.'],
  broadcast_heading: ['Message à tout le monde', 'Message to everyone'],
  broadcast_label: ['Votre message', 'Your message'],
  broadcast_send: ['Envoyer à tout le monde', 'Send to everyone'],
  broadcast_sent: ['Message envoyé à tout le monde.', 'Message sent to everyone.'],
  new_table: [(p) => `Nouvelle table (${p.n})`, (p) => `New table (${p.n})`],
  table_n: [(p) => `Table ${p.n}`, (p) => `Table ${p.n}`],
  attendees_heading: [(p) => `Participant·es (${p.n})`, (p) => `Attendees (${p.n})`],
  col_name: ['Nom', 'Name'],
  col_organisation: ['Structure', 'Organisation'],
  col_role: ['Fonction', 'Role'],
  col_connection: ['Connexion', 'Connection'],
  col_table: ['Table', 'Table'],
  col_actions: ['Actions', 'Actions'],
  not_seated: ['—', '—'],
  no_attendees: ['Personne n\'a encore rejoint. Envoyez le lien d\'invitation !', 'Nobody has joined yet. Send the join link!'],
  remove: ['Retirer', 'Remove'],
  remove_confirm: [(p) => `Retirer ${p.name} de l'événement ? Cette personne ne pourra pas revenir avec son lien.`,
    (p) => `Remove ${p.name} from the event? They will not be able to come back with their link.`],
  tables_heading: [(p) => `Tables du tour ${p.round}`, (p) => `Tables of round ${p.round}`],
  tables_heading_none: ['Tables', 'Tables'],
  no_tables: ['Les tables apparaîtront au début d\'un tour.', 'Tables will show up when a round starts.'],
  storage_problem: ['L\'événement est en pause : le stockage ne répond pas, nouvel essai automatique.',
    'The event is paused: storage is not responding, retrying automatically.'],
  storage_back: ['Le stockage répond à nouveau : l\'événement reprend.', 'Storage is responding again: the event goes on.'],
  say_phase: [(p) => `Étape : ${p.phase}.`, (p) => `Stage: ${p.phase}.`],

  // host.html: counts, tables of any round, the list's search, filters and pages, moving and merging
  count_offline_label: ['Hors ligne', 'Offline'],
  count_left_label: ['Parti·es ou retiré·es', 'Left or removed'],
  count_seated_label: ['À une table', 'At a table'],
  tables_round_label: ['Tour affiché', 'Round shown'],
  round_option: [(p) => `Tour ${p.round}`, (p) => `Round ${p.round}`],
  round_option_live: [(p) => `Tour ${p.round} (en cours)`, (p) => `Round ${p.round} (in progress)`],
  tables_heading_past: [(p) => `Tables du tour ${p.round} (terminé)`, (p) => `Tables of round ${p.round} (ended)`],
  tables_flagged_only: ['Seulement les tables à surveiller', 'Only the tables to watch'],
  tables_summary: [(p) => `${p.n} table${plural(p.n, '', 's')}, dont ${p.flagged} à surveiller`,
    (p) => `${p.n} ${plural(p.n, 'table', 'tables')}, ${p.flagged} to watch`],
  tables_summary_past: [(p) => `${p.n} table${plural(p.n, '', 's')} à la fin du tour`,
    (p) => `${p.n} ${plural(p.n, 'table', 'tables')} at the end of the round`],
  no_flagged_tables: ['Aucune table à surveiller pour le moment.', 'No table to watch right now.'],
  flag_offline: [(p) => `${p.n} hors ligne`, (p) => `${p.n} offline`],
  flag_alone: ['Une seule personne en ligne', 'Only one person online'],
  flag_empty: ['Personne en ligne', 'Nobody online'],
  tables_pages_label: ['Pages des tables', 'Pages of tables'],
  attendees_pages_label: ['Pages de la liste', 'Pages of the list'],
  page_previous: ['Page précédente', 'Previous page'],
  page_next: ['Page suivante', 'Next page'],
  page_of: [(p) => `Page ${p.page} sur ${p.pages}`, (p) => `Page ${p.page} of ${p.pages}`],
  range_of: [(p) => `${p.first}–${p.last} sur ${p.total}`, (p) => `${p.first}–${p.last} of ${p.total}`],
  search_label: ['Chercher un nom ou une structure', 'Search a name or organisation'],
  show_label: ['Afficher', 'Show'],
  show_all: ['Tout le monde', 'Everyone'],
  show_connected: ['Connecté·es', 'Connected'],
  show_offline: ['Hors ligne', 'Offline'],
  show_unseated: ['Sans table', 'Not seated'],
  show_left: ['Parti·es ou retiré·es', 'Left or removed'],
  organisation_filter_label: ['Structure', 'Organisation'],
  organisation_all: ['Toutes les structures', 'All organisations'],
  organisation_option: [(p) => `${p.name} (${p.n})`, (p) => `${p.name} (${p.n})`],
  table_filter_label: ['Table n°', 'Table no.'],
  found: [(p) => `${p.n} participant·e${plural(p.n, '', 's')} trouvé·e${plural(p.n, '', 's')}.`,
    (p) => `${p.n} ${plural(p.n, 'attendee', 'attendees')} found.`],
  no_match: ['Personne ne correspond à ces critères.', 'Nobody matches these criteria.'],
  // What the console says of someone's connection (attendee-query.js connectionOf).
  connection_connected: ['en ligne', 'online'],
  connection_offline: ['hors ligne', 'offline'],
  connection_left: ['a quitté', 'left'],
  connection_removed: ['retiré·e', 'removed'],
  move: ['Déplacer', 'Move'],
  move_title: [(p) => `Déplacer ${p.name}`, (p) => `Move ${p.name}`],
  move_search_label: ['Chercher une table : son numéro, ou le nom ou la structure de quelqu\'un qui y est',
    'Find a table: its number, or the name or organisation of someone at it'],
  move_sent: [(p) => `Déplacement de ${p.name} vers la table ${p.n} demandé.`,
    (p) => `Moving ${p.name} to table ${p.n}: asked.`],
  table_people: [(p) => `${p.n} personne${plural(p.n, '', 's')} : ${p.names}`,
    (p) => `${p.n} ${plural(p.n, 'person', 'people')}: ${p.names}`],
  merge: ['Fusionner avec…', 'Merge with…'],
  merge_title: [(p) => `Fusionner la fiche de ${p.name}`, (p) => `Merge the entry of ${p.name}`],
  merge_hint: ['Deux fiches pour la même personne ? Choisissez celle à garder : l\'autre disparaîtra de la liste.',
    'Two entries for the same person? Choose the one to keep: the other will leave the list.'],
  merge_search_label: ['Chercher la fiche à garder (nom ou structure)', 'Find the entry to keep (name or organisation)'],
  merge_confirm: [(p) => `Fusionner « ${p.duplicate} » dans « ${p.keep} » ? La fiche « ${p.duplicate} » disparaîtra de la liste ; ses rencontres et sa place à table passeront à « ${p.keep} ». C'est définitif.`,
    (p) => `Merge “${p.duplicate}” into “${p.keep}”? The entry “${p.duplicate}” will leave the list; its encounters and its seat will pass to “${p.keep}”. This cannot be undone.`],
  merge_yes: ['Fusionner', 'Merge'],
  merge_sent: ['Fusion demandée.', 'Merge asked.'],
  picker_count: [(p) => `${p.n} résultat${plural(p.n, '', 's')}.`, (p) => `${p.n} ${plural(p.n, 'result', 'results')}.`],
  picker_more: [(p) => `Et ${p.n} autre${plural(p.n, '', 's')} : précisez la recherche.`,
    (p) => `And ${p.n} more: narrow the search.`],
  picker_none: ['Aucun résultat.', 'No result.'],
};

let current = pickInitial();
const listeners = [];

function pickInitial() {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch { /* storage blocked: fall through */ }
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function lang() { return current; }

// t('present', {n: 3}): the string for the current language; the key itself if unknown, so a gap shows.
export function t(key, params = {}) {
  const entry = S[key];
  if (!entry) return key;
  const value = entry[LANGS.indexOf(current)];
  const text = typeof value === 'function' ? value(params) : value;
  return current === 'fr' ? frenchSpaces(text) : text;
}

// French typography: no line break before : ; ! ? » or after «.
function frenchSpaces(text) {
  return text.replace(/ ([:;!?»])/g, (_, mark) => `${mark === ':' || mark === '»' ? '\u00a0' : '\u202f'}${mark}`)
    .replace(/« /g, '«\u00a0');
}

// The translated text for a server error ({code, field}).
export function errorText(err) {
  if (!err || !err.code) return t('err_unknown');
  if (err.code === 'invalid_field' && err.field) {
    const fieldKey = `field_${err.field}`;
    return t('err_invalid_field', { field: S[fieldKey] ? t(fieldKey) : err.field });
  }
  return S[`err_${err.code}`] ? t(`err_${err.code}`) : t('err_unknown');
}

// "14 h 30" in French, "14:30" in English: 24-hour clock in the browser's time zone.
export function clockTime(ms) {
  const d = new Date(ms);
  const hh = d.getHours();
  const mm = String(d.getMinutes()).padStart(2, '0');
  return current === 'fr' ? `${hh}\u00a0h\u00a0${mm}` : `${String(hh).padStart(2, '0')}:${mm}`;
}

// "2 min" when a minute or more is left (rounded up), else "45 s".
export function shortDuration(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 60 ? t('in_minutes', { n: Math.ceil(s / 60) }) : t('in_seconds', { n: s });
}

// Fill every [data-i18n] element's text and [data-i18n-attr="attr:key;attr:key"] attributes.
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr, t(key));
    }
  }
  const titleKey = document.body && document.body.dataset.titleKey;
  if (titleKey) document.title = t(titleKey);
}

export function setLang(next) {
  if (!LANGS.includes(next)) return;
  current = next;
  try { localStorage.setItem(LANG_KEY, next); } catch { /* not remembered, still switched */ }
  applyStatic();
  for (const fn of listeners) fn(current);
}

export function onLangChange(fn) { listeners.push(fn); }

// Wire the page's language button (#lang-switch) and translate the static page.
export function initI18n() {
  const button = document.getElementById('lang-switch');
  if (button) {
    const label = () => {
      button.textContent = t('lang_switch');
      button.lang = current === 'fr' ? 'en' : 'fr';
      button.setAttribute('aria-label', t('lang_switch_label'));
    };
    button.addEventListener('click', () => setLang(current === 'fr' ? 'en' : 'fr'));
    onLangChange(label);
    label();
  }
  applyStatic();
}
