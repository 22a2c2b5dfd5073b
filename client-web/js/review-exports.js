// The export buttons: fetch with the token in the Authorization header (never in a URL), then a Blob
// saved through a temporary <a download>.
import { t } from './i18n.js';
import { $, el, replaceChildren, announce } from './dom.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv-nodes', 'csv-edges', 'json'];
const EXTENSIONS = { gexf: 'gexf', graphml: 'graphml', 'csv-nodes': 'nodes.csv', 'csv-edges': 'edges.csv', json: 'json' };

// fetchExport(format, pseudonymise) resolves to a Response (ok) or throws with .status (review.js).
export function wireExports(eventId, fetchExport, showError) {
  const buttons = EXPORT_FORMATS.map((format) => el('button', {
    type: 'button', class: 'secondary', id: `export-${format}`,
    on: { click: () => download(format) },
  }, t(`export_${format}`)));
  replaceChildren($('export-buttons'), buttons);

  async function download(format) {
    const pseudonymise = $('export-pseudonymise').checked;
    const file = `ensemble-${eventId}${pseudonymise ? '-pseudo' : ''}.${EXTENSIONS[format]}`;
    announce(t('export_started', { file }));
    try {
      const response = await fetchExport(format, pseudonymise);
      const url = URL.createObjectURL(await response.blob());
      const link = el('a', { href: url, download: file, hidden: true });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      announce(t('export_done', { file }));
    } catch (error) {
      showError(error);
    }
  }

  return () => EXPORT_FORMATS.forEach((format, i) => { buttons[i].textContent = t(`export_${format}`); });
}
