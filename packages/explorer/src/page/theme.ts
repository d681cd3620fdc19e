import { FONT, MUTED, PALETTE } from '@smart-settlement/viz';

/** Sets the page's colour and font variables from viz's chart theme, so page and charts match. */
export function applyTheme(root: HTMLElement): void {
  root.style.setProperty('--ink', '#1b1b1b');
  root.style.setProperty('--muted', MUTED);
  root.style.setProperty('--accent', PALETTE[1]);
  root.style.setProperty('--warn', PALETTE[5]);
  root.style.setProperty('--ok', PALETTE[3]);
  root.style.setProperty('--font', FONT);
}
