// index.html: the host creates an event and gets the two links.
import { initI18n, onLangChange, t, errorText, inAllLanguages } from './i18n.js';
import { $, setText, wireCopy, announce } from './dom.js';
import { createEvent, hostPageUrl, joinPageUrl } from './protocol.js';
import { wireSeriesChoice, readSeriesChoice, seriesFor, showSeriesCreated } from './create-series.js';
import { TopicsEditor, TOPIC_LIMITS } from './topics-editor.js';
import { RoundPlanEditor } from './round-plan.js';

const FIELD_INPUT = {
  title: 'title', table_size: 'table_size', min_table_size: 'min_table_size',
  max_table_size: 'max_table_size', rounds: 'rounds', round_seconds: 'round_minutes',
  break_seconds: 'break_minutes', prompts: 'prompts', video_link_template: 'video_link_template',
  retention_days: 'retention_days', host_name: 'host_name', series_title: 'series_title',
  series_link: 'series_link', series: 'series_link',
};

// The limits of shared/protocol.md this page checks before asking, in the units of its inputs (minutes
// for lengths); the error text says them when one is not kept.
const LIMITS = {
  title: { max: 200 },
  host_name: { max: 80 },
  table_size: { min: 2, max: 12 },
  min_table_size: { min: 2, max: 12 },
  max_table_size: { min: 2, max: 12 },
  rounds: { min: 1, max: 50 },
  round_seconds: { min: 1, max: 120 },
  break_seconds: { min: 0, max: 60 },
  prompts: { count: 20, max: 500 },
  video_link_template: { max: 500 },
  retention_days: { min: 1, max: 3650 },
  series_title: { max: 200 },
};

const topics = new TopicsEditor($('topics'));
const plan = new RoundPlanEditor($('round-plan'), $('rounds'));
let created = null;
let lastError = null;

function readSettings(form) {
  const number = (name) => Number(form.elements[name].value);
  const settings = {
    title: form.elements.title.value.trim(),
    table_size: number('table_size'),
    min_table_size: number('min_table_size'),
    max_table_size: number('max_table_size'),
    rounds: number('rounds'),
    round_seconds: Math.round(number('round_minutes') * 60),
    break_seconds: Math.round(number('break_minutes') * 60),
    retention_days: number('retention_days'),
    prompts: form.elements.prompts.value.split('\n').map((line) => line.trim()).filter(Boolean),
  };
  settings.topics = topics.read();
  settings.round_kinds = plan.read();
  const video = form.elements.video_link_template.value.trim();
  if (video) settings.video_link_template = video;
  const hostName = form.elements.host_name.value.trim();
  if (hostName) settings.host_name = hostName;
  return settings;
}

// The checks a browser can make before asking the server; the server checks everything again.
function localProblem(s) {
  const whole = (v, f) => Number.isInteger(v) && v >= LIMITS[f].min && v <= LIMITS[f].max;
  const minutes = (v, f) => Number.isInteger(v) && v >= LIMITS[f].min * 60 && v <= LIMITS[f].max * 60;
  const chars = (text) => [...text].length;
  if (!s.title || chars(s.title) > LIMITS.title.max) return { code: 'invalid_field', field: 'title' };
  if (s.host_name && chars(s.host_name) > LIMITS.host_name.max) return { code: 'invalid_field', field: 'host_name' };
  for (const f of ['table_size', 'min_table_size', 'max_table_size']) {
    if (!whole(s[f], f)) return { code: 'invalid_field', field: f };
  }
  if (!(s.min_table_size <= s.table_size && s.table_size <= s.max_table_size)) {
    return { code: 'table_sizes', field: 'min_table_size' };
  }
  if (!whole(s.rounds, 'rounds')) return { code: 'invalid_field', field: 'rounds' };
  if (!whole(s.retention_days, 'retention_days')) return { code: 'invalid_field', field: 'retention_days' };
  for (const f of ['round_seconds', 'break_seconds']) {
    if (!minutes(s[f], f)) return { code: 'invalid_field', field: f };
  }
  const ids = new Set(s.topics.map((x) => x.id));
  if (s.topics.length > TOPIC_LIMITS.count || ids.size !== s.topics.length || ids.has('')) {
    return { code: 'invalid_field', field: 'topics' };
  }
  if (s.prompts.length > LIMITS.prompts.count || s.prompts.some((p) => chars(p) > LIMITS.prompts.max)) {
    return { code: 'invalid_field', field: 'prompts' };
  }
  const video = s.video_link_template;
  if (video && (!/^https?:\/\//i.test(video) || chars(video) > LIMITS.video_link_template.max)) {
    return { code: 'invalid_field', field: 'video_link_template' };
  }
  return null;
}

// "Les données de l'événement sont effacées N jours après sa fin", with the number typed.
function showRetention() {
  const days = Number($('retention_days').value);
  setText('hint-retention', t('hint_retention', { days: Number.isInteger(days) && days > 0 ? days : 90 }));
}

function problemText(err) {
  if (err.code === 'table_sizes') return t('err_table_sizes');
  // A series link that is not one, names no series or holds a wrong key.
  if (err.field === 'series_link' || err.field === 'series' || (err.code === 'not_found' && err.message === 'no such series')) {
    return t('err_series_link');
  }
  return errorText(err, LIMITS[err.field]);
}

function showError(err) {
  lastError = err;
  for (const id of Object.values(FIELD_INPUT)) {
    $(id).removeAttribute('aria-invalid');
    $(id).removeAttribute('aria-errormessage');
  }
  if (!err) {
    setText('create-error', '');
    return;
  }
  setText('create-error', problemText(err));
  const input = err.field && $(FIELD_INPUT[err.field]);
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-errormessage', 'create-error');
    input.focus();
  } else {
    $('create-error').focus();
  }
}

function showCreated() {
  const eventId = created.event.id;
  const hostUrl = hostPageUrl(eventId, created.host_token);
  const joinUrl = joinPageUrl(eventId);
  $('host-link').value = hostUrl;
  $('join-link').value = joinUrl;
  $('open-console').href = hostUrl;
  setText('created-text', t('created_text', { title: created.event.title }));
  showSeriesCreated(created.seriesLink, created.series ? created.series.title : '');
  $('create-section').hidden = true;
  $('created-section').hidden = false;
  $('created-heading').focus();
}

// A short text file with both links, in French and English: something to keep that is not the browser.
function downloadReminder() {
  const params = { title: created.event.title, host: $('host-link').value, join: $('join-link').value };
  const text = inAllLanguages('reminder_file', params).join('\n----------\n\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `ensemble-${created.event.id}.txt`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  setText('reminder-saved', t('reminder_saved'));
  announce(t('reminder_saved'));
}

async function onSubmit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const settings = readSettings(form);
  const choice = readSeriesChoice(form);
  const problem = localProblem(settings) || choice.problem;
  if (problem) return showError(problem);
  showError(null);
  const button = $('create-submit');
  button.disabled = true;
  button.textContent = t('creating');
  try {
    const seriesLink = await seriesFor(choice);
    if (seriesLink) settings.series = { id: seriesLink.id, token: seriesLink.token };
    created = await createEvent(settings);
    created.seriesLink = seriesLink;
    showCreated();
  } catch (err) {
    showError(err);
  } finally {
    button.disabled = false;
    button.textContent = t('create_submit');
  }
}

initI18n();
showRetention();
wireSeriesChoice();
topics.load();
plan.draw();
$('retention_days').addEventListener('input', showRetention);
$('create-form').addEventListener('submit', onSubmit);
wireCopy($('copy-host-link'), () => $('host-link').value, $('host-link-copied'));
wireCopy($('copy-join-link'), () => $('join-link').value, $('join-link-copied'));
$('download-reminder').addEventListener('click', downloadReminder);
onLangChange(() => {
  showRetention();
  topics.keep();
  topics.draw();
  plan.draw();
  if (created) {
    setText('created-text', t('created_text', { title: created.event.title }));
    showSeriesCreated(created.seriesLink, created.series ? created.series.title : '');
  }
  if (lastError) setText('create-error', problemText(lastError));
});
