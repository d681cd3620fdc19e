/** Creates an element with attributes and children (text or elements). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Creates an SVG element with attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

let counter = 0;
/** A fresh id for tying labels and descriptions to controls. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Numbers as people read them: thousands separated, no needless decimals. */
export function readableNumber(value: unknown): string {
  if (typeof value !== 'number') return JSON.stringify(value);
  return Math.abs(value) >= 1000 ? value.toLocaleString('en-CA') : String(value);
}

/** Saves text as a file the browser downloads. */
export function download(name: string, content: string | Blob, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  downloadUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves what a URL (a data: or blob: URL) holds as a file the browser downloads. */
export function downloadUrl(name: string, url: string): void {
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}
