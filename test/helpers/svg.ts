/** Reading vega's SVG output in tests: the items of each kind of mark. */

/** A drawn item of a mark: its path data or transform, colour and accessible label. */
export interface SvgItem {
  tag: string;
  d?: string;
  transform?: string;
  fill?: string;
  stroke?: string;
  label?: string;
  text?: string;
}

function attr(element: string, name: string): string | undefined {
  return element.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

/**
 * The items of every data mark of a type (line, area, symbol, rect, rule, text) in a vega
 * SVG: the leaf elements inside `<g class="mark-TYPE role-mark ...">` groups (axes, legends
 * and titles are other roles and are left out).
 */
export function markItems(svg: string, type: string): SvgItem[] {
  const items: SvgItem[] = [];
  const groups = svg.matchAll(new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g'));
  for (const [, inner] of groups)
    for (const m of inner.matchAll(/<(path|line|text|circle|rect)\b([^>]*?)(\/>|>(.*?)<\/\1>)/g))
      items.push({
        tag: m[1],
        d: attr(m[2], 'd'),
        transform: attr(m[2], 'transform'),
        fill: attr(m[2], 'fill'),
        stroke: attr(m[2], 'stroke'),
        label: attr(m[2], 'aria-label'),
        text: m[4],
      });
  return items;
}

/** The [x, y] vertices of an SVG path made of M and L commands. */
export function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML]\s*(-?[\d.]+(?:e-?\d+)?)[ ,](-?[\d.]+(?:e-?\d+)?)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

/** The translate(x,y) of an element. */
export function translation(transform: string | undefined): [number, number] {
  const m = transform?.match(/translate\((-?[\d.]+),\s*(-?[\d.]+)\)/);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}
