// Picks places by name: a map of the region (each place a focusable circle, toggled by click,
// Enter or Space) beside the same places as a list of checkboxes, kept in step.
import type { PlaceSpec } from '@smart-settlement/core';
import { PALETTE } from '@smart-settlement/viz';
import { h, svg } from './dom.js';

const WIDTH = 300;
const HEIGHT = 230;

/** A map and a checkbox list of places; calls `onChange` with the chosen names in the region's order. */
export function placePicker(
  places: readonly PlaceSpec[],
  chosen: readonly string[],
  label: string,
  idPrefix: string,
  onChange: (names: string[]) => void,
): HTMLElement {
  const selected = new Set(chosen);
  const lat0 = (places.reduce((a, p) => a + p.lat, 0) / places.length) * (Math.PI / 180);
  const xs = places.map((p) => p.lon * Math.cos(lat0));
  const ys = places.map((p) => -p.lat);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 14;
  const k = Math.min((WIDTH - 2 * pad) / (x1 - x0), (HEIGHT - 2 * pad) / (y1 - y0));
  const maxPop = Math.max(...places.map((p) => p.population));
  const map = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: 'place-map',
    role: 'group',
    'aria-label': `${label}: map of places (select with Enter or Space)`,
  });
  const circles: SVGCircleElement[] = [];
  const boxes: HTMLInputElement[] = [];
  const labels = svg('g', { 'aria-hidden': 'true' });
  const sync = () => {
    labels.replaceChildren();
    places.forEach((p, i) => {
      const on = selected.has(p.name);
      circles[i].setAttribute('aria-checked', String(on));
      circles[i].classList.toggle('on', on);
      boxes[i].checked = on;
      if (!on) return;
      // The chosen places are named on the map, left of the circle when near the right edge.
      const x = Number(circles[i].getAttribute('cx'));
      const r = Number(circles[i].getAttribute('r'));
      const right = x < WIDTH - 90;
      const text = svg('text', {
        x: right ? x + r + 2 : x - r - 2,
        y: Number(circles[i].getAttribute('cy')) + 3,
        'text-anchor': right ? 'start' : 'end',
      });
      text.textContent = p.name.replace(/ \(.*\)$/, '');
      labels.append(text);
    });
  };
  const toggle = (name: string) => {
    if (selected.has(name)) selected.delete(name);
    else selected.add(name);
    sync();
    onChange(places.map((p) => p.name).filter((n) => selected.has(n)));
  };
  // Larger places first, so small ones stay clickable on top.
  const order = places.map((_, i) => i).sort((a, b) => places[b].population - places[a].population);
  const circleOf = new Map<number, SVGCircleElement>();
  for (const i of order) {
    const p = places[i];
    const c = svg('circle', {
      id: `${idPrefix}-${i}-map`,
      cx: (pad + (xs[i] - x0) * k).toFixed(1),
      cy: (pad + (ys[i] - y0) * k).toFixed(1),
      r: (3 + 11 * Math.sqrt(p.population / maxPop)).toFixed(1),
      tabindex: 0,
      role: 'checkbox',
      'aria-label': `${p.name} (${p.kind}, ${p.population.toLocaleString('en-CA')} people)`,
      fill: p.smaller ? PALETTE[1] : PALETTE[0],
    });
    const title = svg('title');
    title.textContent = `${p.name}: ${p.population.toLocaleString('en-CA')} people`;
    c.append(title);
    c.addEventListener('click', () => toggle(p.name));
    c.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        toggle(p.name);
      }
    });
    circleOf.set(i, c);
    map.append(c);
  }
  for (let i = 0; i < places.length; i++) circles.push(circleOf.get(i)!);
  map.append(labels);
  const list = h('ul', { class: 'place-list' });
  places.forEach((p, i) => {
    const id = `${idPrefix}-${i}`;
    const box = h('input', { type: 'checkbox', id });
    box.addEventListener('change', () => toggle(p.name));
    boxes.push(box);
    list.append(
      h(
        'li',
        {},
        box,
        h('label', { for: id, class: 'place-name' }, p.name, h('span', { class: 'muted' }, ` ${p.kind}`)),
      ),
    );
  });
  sync();
  return h(
    'div',
    { class: 'place-picker' },
    map,
    h(
      'p',
      { class: 'hint' },
      'Click places on the map or tick them in the list. Metros are black, smaller places blue.',
    ),
    list,
  );
}
