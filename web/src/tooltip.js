// One floating tooltip per chart container, filled with built nodes.
import { h, clear } from './dom.js';

export function tooltip(container) {
  container.classList.add('has-tip');
  const el = h('div', { class: 'tip', role: 'tooltip', hidden: true });
  container.append(el);
  const place = (x, y) => {
    const r = container.getBoundingClientRect();
    const w = el.offsetWidth;
    const hh = el.offsetHeight;
    let left = x - r.left + 14;
    let top = y - r.top + 14;
    if (left + w > r.width) left = Math.max(4, x - r.left - w - 14);
    if (top + hh > r.height) top = Math.max(4, y - r.top - hh - 14);
    el.style.left = left + 'px';
    el.style.top = top + 'px';
  };
  return {
    show(ev, content) {
      clear(el).append(...[content].flat(Infinity).filter(Boolean));
      el.hidden = false;
      place(ev.clientX, ev.clientY);
    },
    showAt(target, content) {
      const r = target.getBoundingClientRect();
      clear(el).append(...[content].flat(Infinity).filter(Boolean));
      el.hidden = false;
      place(r.right, r.bottom);
    },
    hide() {
      el.hidden = true;
    },
  };
}
