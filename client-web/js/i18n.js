// Every string the user reads, French first then English, side by side so neither can go missing.
import { hostStrings } from './strings-host.js';
import { meStrings } from './strings-me.js';
import { dataStrings } from './strings-data.js';
import { reviewStrings } from './strings-review.js';
import { profileStrings } from './strings-profile.js';
import { roundStrings } from './strings-rounds.js';
import { topicTableStrings } from './strings-topic-tables.js';

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
  field_link_id: ['lien d\'animation', 'host link'],
  field_host_name: ['votre nom', 'your name'],

  // What a field expects, said in place of "check this field" when the page knows the field's limits
  // (errorText's `expected`: the limits the page checks, as shared/protocol.md gives them).
  expect_title: [(p) => `Donnez un titre à l'événement (${p.max} caractères au plus).`,
    (p) => `Give the event a title (${p.max} characters at most).`],
  expect_table_size: [(p) => `Personnes par table : un nombre entier de ${p.min} à ${p.max}.`,
    (p) => `People per table: a whole number from ${p.min} to ${p.max}.`],
  expect_min_table_size: [(p) => `Minimum par table : un nombre entier de ${p.min} à ${p.max}.`,
    (p) => `Minimum per table: a whole number from ${p.min} to ${p.max}.`],
  expect_max_table_size: [(p) => `Maximum par table : un nombre entier de ${p.min} à ${p.max}.`,
    (p) => `Maximum per table: a whole number from ${p.min} to ${p.max}.`],
  expect_rounds: [(p) => `Nombre de tours : un nombre entier de ${p.min} à ${p.max}.`,
    (p) => `Number of rounds: a whole number from ${p.min} to ${p.max}.`],
  expect_round_seconds: [(p) => `Un tour dure au moins ${p.min} minute et au plus ${p.max} minutes.`,
    (p) => `A round lasts at least ${p.min} minute and at most ${p.max} minutes.`],
  expect_break_seconds: [(p) => `La pause dure de ${p.min} à ${p.max} minutes (${p.min} : pas de pause).`,
    (p) => `The break lasts from ${p.min} to ${p.max} minutes (${p.min}: no break).`],
  expect_prompts: [(p) => `Au plus ${p.count} questions, de ${p.max} caractères chacune au plus.`,
    (p) => `At most ${p.count} prompts, each at most ${p.max} characters long.`],
  expect_video_link_template: [(p) => `Le lien doit commencer par https:// (ou http://) et faire au plus ${p.max} caractères.`,
    (p) => `The link must start with https:// (or http://) and be at most ${p.max} characters long.`],
  expect_name: [(p) => `Indiquez votre nom (${p.max} caractères au plus).`,
    (p) => `Please give your name (${p.max} characters at most).`],
  expect_organisation: [(p) => `Indiquez votre structure (${p.max} caractères au plus).`,
    (p) => `Please give your organisation (${p.max} characters at most).`],
  expect_role: [(p) => `Votre fonction : ${p.max} caractères au plus.`, (p) => `Your role: ${p.max} characters at most.`],

  // index.html
  create_doc_title: ['Créer un événement — ensemble', 'Create an event — ensemble'],
  create_heading: ['Créer un événement', 'Create an event'],
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
  label_host_name: ['Votre nom (facultatif)', 'Your name (optional)'],
  hint_host_name: ['Il s\'affiche dans la console à côté de vos actions, utile si vous animez à plusieurs.',
    'It shows in the console beside what you do, useful when several people host.'],
  keep_heading: ['Gardez le lien d\'animation', 'Keep the host link'],
  keep_text: ['C\'est la seule façon d\'ouvrir la console, et il n\'est affiché qu\'ici. Copiez-le, téléchargez l\'aide-mémoire ou ajoutez la console à vos favoris.',
    'It is the only way to open the console, and it is shown only here. Copy it, download the reminder or bookmark the console.'],
  download_reminder: ['Télécharger un aide-mémoire (fichier texte)', 'Download a reminder (text file)'],
  reminder_saved: ['Aide-mémoire téléchargé : gardez ce fichier pour vous.', 'Reminder downloaded: keep this file to yourself.'],
  bookmark_hint: ['Pour l\'ajouter à vos favoris : ouvrez la console, puis Ctrl+D (⌘+D sur Mac).',
    'To bookmark it: open the console, then press Ctrl+D (⌘+D on a Mac).'],
  lost_link_hint: ['Lien perdu ? Une personne qui co-anime avec vous peut vous en créer un nouveau depuis sa console.',
    'Lost the link? Someone who co-hosts with you can create a new one for you from their console.'],
  // The create form's series of events (create-series.js)
  legend_series: ['Série d\'événements (facultatif)', 'Series of events (optional)'],
  hint_series: ['Pour un rendez-vous qui revient (chaque mois, un programme) : les personnes qui donnent la même adresse e-mail d\'un événement à l\'autre ne sont pas placées avec celles déjà rencontrées, et le bilan de la série les suit d\'un événement à l\'autre.',
    'For a meeting that comes back (monthly, a programme): people who give the same email from one event to the next are not seated with those they already met, and the series review follows them from one event to the next.'],
  series_none: ['Pas de série', 'No series'],
  series_new: ['Commencer une nouvelle série', 'Start a new series'],
  series_existing: ['Ajouter à une série existante', 'Add to an existing series'],
  label_series_title: ['Nom de la série', 'Name of the series'],
  label_series_link: ['Lien de la série', 'Series link'],
  hint_series_link: ['Collez le lien de la série donné quand elle a été créée (il commence comme ce site et contient « series= »).',
    'Paste the series link given when it was created (it starts like this site and contains “series=”).'],
  err_series_link: ['Ce lien de série ne fonctionne pas : il est incomplet, faux, ou la série n\'existe plus. Collez le lien complet donné à sa création.',
    'This series link does not work: it is incomplete, wrong, or the series no longer exists. Paste the whole link given when it was created.'],
  series_created_heading: ['Gardez le lien de la série', 'Keep the series link'],
  series_created_text: [(p) => `L'événement fait partie de la série « ${p.title} ». Ce lien ouvre le bilan de toute la série, et permet d'y ajouter les prochains événements.`,
    (p) => `The event belongs to the series “${p.title}”. This link opens the review of the whole series, and adds the next events to it.`],
  series_link_label: ['Lien de la série (à garder pour l\'équipe)', 'Series link (keep it within the staff)'],
  copy_series_link: ['Copier le lien de la série', 'Copy the series link'],
  series_link_hint: ['Quiconque a ce lien voit le bilan de la série : ne le partagez qu\'avec l\'équipe.',
    'Anyone with this link sees the series review: share it with the staff only.'],
  open_series: ['Ouvrir le bilan de la série', 'Open the series review'],
  reminder_file: [(p) => `ensemble — « ${p.title} »\n\nLien d'animation (à garder secret) : il ouvre la console d'animation.\n${p.host}\n\nLien d'invitation : à envoyer aux participant·es.\n${p.join}\n\nLien perdu ? Une personne qui co-anime avec vous peut vous en créer un nouveau depuis sa console.\n`,
    (p) => `ensemble — “${p.title}”\n\nHost link (keep it secret): it opens the host console.\n${p.host}\n\nJoin link: send it to the attendees.\n${p.join}\n\nLost the link? Someone who co-hosts with you can create a new one for you from their console.\n`],

  // join.html and the attendee view
  join_doc_title: ['Rejoindre — ensemble', 'Join — ensemble'],
  join_heading: ['Rejoindre l\'événement', 'Join the event'],
  join_intro: ['Votre nom, votre structure et votre fonction seront montrés à vos voisin·es de table.',
    'Your name, organisation and role will be shown to your tablemates.'],
  // What is kept, who sees it, for how long: as the server does it (README.md, shared/protocol.md).
  data_heading: ['Ce qui est gardé, qui le voit, combien de temps', 'What is kept, who sees it, for how long'],
  data_kept: ['Sont enregistrés : votre nom, votre structure, votre fonction, les messages de la discussion de vos tables, et qui a été à la même table que qui, à chaque tour.',
    'Kept: your name, organisation and role, the messages of your tables\' chats, and who sat at the same table as whom, each round.'],
  data_seen_tablemates: ['Vos voisin·es de table voient votre nom, votre structure, votre fonction et les messages de votre table pendant le tour.',
    'Your tablemates see your name, organisation and role, and your table\'s messages during the round.'],
  data_seen_host: ['L\'animateur·rice voit la liste des participant·es (nom, structure, fonction) et qui est à quelle table.',
    'The host sees the list of attendees (name, organisation, role) and who sits at which table.'],
  data_server: ['Tout est enregistré sur le serveur qui accueille l\'événement : les personnes qui l\'administrent y ont accès.',
    'Everything is stored on the server that runs the event: the people who run it can see it.'],
  data_how_long: ['Les données de l\'événement (les vôtres comprises) sont effacées automatiquement quelque temps après sa fin. Vous pouvez effacer les vôtres avant, depuis votre lien personnel ; l\'animateur·rice peut aussi les effacer.',
    'The event\'s data (yours included) is deleted automatically some time after it ends. You can erase yours before that from your personal link; the host can erase them too.'],
  data_device: ['Sur cet appareil, le navigateur garde votre place dans l\'événement, pour vous y ramener après une coupure.',
    'On this device, the browser keeps your place in the event, to bring you back after a drop.'],
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
  lobby_text: ['L\'événement va bientôt commencer. Restez sur cette page : votre table s\'affichera ici.',
    'The event will start soon. Stay on this page: your table will show up here.'],
  your_table: [(p) => `Vous êtes à la table ${p.n}`, (p) => `You are at table ${p.n}`],
  no_table: ['Nous vous cherchons une place…', 'Finding you a seat…'],
  mates_heading: ['Vos voisin·es de table', 'Your tablemates'],
  no_mates: ['Personne d\'autre pour le moment.', 'Nobody else yet.'],
  online: ['en ligne', 'online'],
  offline: ['hors ligne', 'offline'],
  prompt_heading: ['Pour lancer l\'échange', 'To start the conversation'],
  video_link: ['Rejoindre la visio de votre table', 'Join your table\'s video call'],
  minute_warning: ['Il reste 1 minute à ce tour : pensez à conclure.', '1 minute left in this round: time to wrap up.'],
  chat_heading: ['Discussion de la table', 'Table chat'],
  chat_label: ['Votre message à la table', 'Your message to the table'],
  chat_send: ['Envoyer', 'Send'],
  break_heading: ['Pause', 'Break'],
  next_round_in: [(p) => `Prochain tour dans ${p.time}`, (p) => `Next round in ${p.time}`],
  next_round_at: [(p) => `Reprise à ${p.clock}.`, (p) => `Starts again at ${p.clock}.`],
  paused_text: ['L\'animateur·rice a mis l\'événement en pause. Le compte à rebours reprendra bientôt.',
    'The host has paused the event. The countdown will start again soon.'],
  ended_heading: ['Merci !', 'Thank you!'],
  ended_text: ['L\'événement est terminé. Merci pour votre participation et à bientôt !',
    'The event is over. Thank you for taking part, see you soon!'],
  removed_heading: ['Vous avez été retiré·e de l\'événement', 'You have been removed from the event'],
  removed_text: ['L\'animateur·rice vous a retiré·e de cet événement.', 'The host removed you from this event.'],
  left_heading: ['Vous avez quitté l\'événement', 'You have left the event'],
  left_text: ['Merci d\'être passé·e. Les personnes rencontrées et vos contacts restent ci-dessous, et avec votre lien personnel.',
    'Thanks for coming. The people you met and your contacts stay below, and through your personal link.'],
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
  say_moved: [(p) => `Vous changez de table : vous êtes maintenant à la table ${p.n}.`,
    (p) => `You have moved: you are now at table ${p.n}.`],
  say_break_paused: ['Le tour est terminé : c\'est la pause.', 'The round is over: it is the break.'],
  say_ended: ['L\'événement est terminé. Merci pour votre participation !', 'The event is over. Thank you for taking part!'],
  signal_dismiss: ['Compris', 'Got it'],
  title_table: [(p) => `Table ${p.n}`, (p) => `Table ${p.n}`],
  title_no_table: ['Place en cours', 'Finding a seat'],
  title_break: ['Pause', 'Break'],
  title_paused: ['En pause', 'Paused'],
  title_lobby: ['En attente du début — ensemble', 'Waiting to start — ensemble'],
  title_ended: ['Terminé — ensemble', 'Ended — ensemble'],
  alerts_heading: ['Son et vibration', 'Sound and vibration'],
  alerts_hint: ['À chaque nouveau tour, changement de table, pause, dernière minute et à la fin, un bandeau s\'affiche en haut de l\'écran. Vous pouvez y ajouter un son court ou une vibration : désactivés au départ, votre choix est gardé sur cet appareil.',
    'At each new round, change of table, pause, last minute and at the end, a banner shows at the top of the screen. You can add a short sound or a vibration: off at first, your choice is kept on this device.'],
  alert_sound: ['Un son court', 'A short sound'],
  alert_vibrate: ['Une vibration (téléphone)', 'A vibration (phone)'],
  alert_try: ['Essayer', 'Try it'],
  alerts_none_chosen: ['Cochez un son ou une vibration pour l\'essayer.', 'Tick a sound or a vibration to try it.'],
  chat_rate_limited: [(p) => `Doucement : trop de messages d'un coup. Votre message est gardé ici : vous pourrez l'envoyer dans ${p.time}.`,
    (p) => `Slow down: too many messages at once. Your message is kept here: you can send it in ${p.time}.`],
  chat_can_send: ['Vous pouvez envoyer votre message.', 'You can send your message now.'],
  say_paused: ['L\'événement est en pause.', 'The event is paused.'],
  say_resumed: ['L\'événement reprend.', 'The event goes on.'],

  ...hostStrings(plural),
  ...meStrings(),
  ...dataStrings(),
  ...reviewStrings(plural),
  ...profileStrings(),
  ...roundStrings(),
  ...topicTableStrings(plural),
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

// The string in every language, French first: for what is read outside the page (a downloaded reminder).
export function inAllLanguages(key, params = {}) {
  const saved = current;
  try {
    return LANGS.map((each) => { current = each; return t(key, params); });
  } finally {
    current = saved;
  }
}

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

// The translated text for a server error ({code, field}). For an invalid field, `expected` (that
// field's limits, such as {min, max}) lets the text say what is expected rather than "check this".
export function errorText(err, expected = null) {
  if (!err || !err.code) return t('err_unknown');
  if (err.code === 'invalid_field' && err.field && expected && S[`expect_${err.field}`]) {
    return t(`expect_${err.field}`, expected);
  }
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
