// The create form's series choice (index.html): no series, a new one (made first, its link shown once
// the event exists), or an existing one named by its link. An event in a series avoids seating together
// people who met in its earlier events, and the series is reviewed as a whole.
import { t } from './i18n.js';
import { $, setText, wireCopy } from './dom.js';
import { createSeries, seriesFromLink, seriesPageUrl } from './protocol.js';

let made = null; // a series made for this form, kept so that a retry does not make another

export function wireSeriesChoice() {
  const show = () => {
    const mode = $('create-form').elements.series_mode.value;
    $('series-title-field').hidden = mode !== 'new';
    $('series-link-field').hidden = mode !== 'existing';
  };
  for (const id of ['series-none', 'series-new', 'series-existing']) $(id).addEventListener('change', show);
  show();
  wireCopy($('copy-series-link'), () => $('series-link-out').value, $('series-link-copied'));
}

// What the form says, checked as far as a browser can: {mode, title?, link?} or {problem}.
export function readSeriesChoice(form) {
  const mode = form.elements.series_mode.value;
  if (mode === 'new') {
    const title = form.elements.series_title.value.trim();
    if (!title || [...title].length > 200) return { problem: { code: 'invalid_field', field: 'series_title' } };
    return { mode, title };
  }
  if (mode === 'existing') {
    const link = seriesFromLink(form.elements.series_link.value);
    if (!link) return { problem: { code: 'series_link', field: 'series_link' } };
    return { mode, link };
  }
  return { mode };
}

// {id, token, title?} for the event's body, making the new series first when asked; null without one.
export async function seriesFor(choice) {
  if (choice.mode === 'existing') return choice.link;
  if (choice.mode !== 'new') return null;
  if (!made || made.title !== choice.title) {
    const answer = await createSeries(choice.title);
    made = { id: answer.series.id, token: answer.series_token, title: answer.series.title };
  }
  return made;
}

// Once the event is made: the series link to keep (the only way into the series review).
export function showSeriesCreated(series, title) {
  $('series-created').hidden = !series;
  if (!series) return;
  const url = seriesPageUrl(series.id, series.token);
  $('series-link-out').value = url;
  $('open-series').href = url;
  setText('series-created-text', t('series_created_text', { title }));
}
