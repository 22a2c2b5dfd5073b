// Page navigation for a long list: "Précédent", "Page 2 sur 40", "Suivant". The list draws one page,
// so the page stays light at 10,000 attendees; the page number is kept in range as the list changes.
import { t } from './i18n.js';
import { el, replaceChildren } from './dom.js';

export class Pager {
  constructor(nav, pageSize, onChange) {
    this.nav = nav;
    this.pageSize = pageSize;
    this.onChange = onChange;
    this.page = 0;
    this.pages = 1;
    this.signature = '';
  }

  // The slice of `list` to draw, the page kept within range.
  slice(list) {
    this.pages = Math.max(1, Math.ceil(list.length / this.pageSize));
    this.page = Math.min(this.page, this.pages - 1);
    return list.slice(this.page * this.pageSize, (this.page + 1) * this.pageSize);
  }

  // The range shown, as "1–50 sur 300", for a list of `total`.
  range(total) {
    if (total === 0) return '';
    const first = this.page * this.pageSize + 1;
    return t('range_of', { first, last: Math.min(total, first + this.pageSize - 1), total });
  }

  go(page, focusId) {
    this.page = Math.max(0, Math.min(this.pages - 1, page));
    this.onChange();
    const again = document.getElementById(focusId);
    if (again && !again.hidden && again.getAttribute('aria-disabled') !== 'true') again.focus();
  }

  // Redrawn only when the page, the count of pages or the language changed.
  draw(force = false) {
    const signature = `${this.page}/${this.pages}`;
    if (!force && signature === this.signature) return;
    this.signature = signature;
    this.nav.hidden = this.pages <= 1;
    const id = this.nav.id;
    const button = (which, label, page, disabled) => el('button', {
      type: 'button', id: `${id}-${which}`, class: 'secondary small',
      attrs: { 'aria-disabled': String(disabled) },
      on: { click: () => { if (!disabled) this.go(page, `${id}-${which}`); } },
    }, label);
    replaceChildren(this.nav,
      button('previous', t('page_previous'), this.page - 1, this.page === 0),
      el('span', { class: 'pager-where' }, t('page_of', { page: this.page + 1, pages: this.pages })),
      button('next', t('page_next'), this.page + 1, this.page >= this.pages - 1));
  }
}
