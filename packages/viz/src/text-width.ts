// Advance widths of DejaVu Sans (regular and bold) in thousandths of an em, read from the
// font files: vega lays out text in Node by estimating widths (0.8 em a character, far too
// wide), which left charts with wide empty margins. With these widths the layout matches
// what resvg draws with DejaVu Sans; browsers measure text themselves.
const CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–—…‘’“”é×±·−';
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 500, 1000, 1000, 318, 318, 518, 518, 615, 838, 838,
  318, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 500, 1000, 1000, 380, 380, 657, 657, 678, 838, 838,
  380, 838,
];
const regular = new Map<string, number>();
const bold = new Map<string, number>();
[...CHARS].forEach((c, i) => {
  regular.set(c, REGULAR[i]);
  bold.set(c, BOLD[i]);
});

/**
 * Width in pixels of a line of text in DejaVu Sans at a size and weight (other characters
 * count as 0.62 em).
 * @example
 * textWidth('Years since arrival', 13) // about 125
 */
export function textWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let thousandths = 0;
  for (const c of text) thousandths += table.get(c) ?? (isBold ? 680 : 620);
  return (thousandths * fontSize) / 1000;
}

/**
 * Breaks text into lines no wider than `maxWidth` pixels, at spaces.
 * @example
 * wrapText('a long source line ...', 600, 12) // ['a long source', 'line ...']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
