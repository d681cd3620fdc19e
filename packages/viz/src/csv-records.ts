/**
 * Splits CSV text into records as it arrives, chunk by chunk, so that a table of any size is
 * read holding one record at a time, never the whole text. Cells may be double-quoted (with
 * commas, doubled quotes or line breaks inside), and a quoted cell may span chunks. Lines end
 * in `\n` or `\r\n`; empty lines are skipped.
 * @example
 * const records: string[][] = [];
 * const csv = new CsvRecords((cells) => records.push(cells));
 * csv.push('a,b\n1,"x');
 * csv.push(',y"\n');
 * csv.end(); // records: [['a', 'b'], ['1', 'x,y']]
 */
export class CsvRecords {
  /** Text of a record not yet complete: the end of the last chunk. */
  private pending = '';
  /** Records handed on so far (the header included): the line number of the last one, for messages. */
  count = 0;

  /** @param onRecord receives each record's cells, in order. */
  constructor(private readonly onRecord: (cells: string[]) => void) {}

  /** Reads a chunk of text; every record it completes is handed on. */
  push(chunk: string): void {
    const text = this.pending ? this.pending + chunk : chunk;
    let start = 0;
    let quotes = 0; // double quotes seen in the current record so far: odd = inside a quoted cell
    let scanned = 0;
    // The next double quote not yet counted (-1: none left), found once, not once a line.
    let quote = text.indexOf('"');
    for (;;) {
      const nl = text.indexOf('\n', scanned);
      if (nl < 0) break;
      for (; quote >= 0 && quote < nl; quote = text.indexOf('"', quote + 1)) quotes++;
      scanned = nl + 1;
      if (quotes % 2 === 1) continue; // the line break is inside a quoted cell
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.record(text.slice(start, end), quotes > 0);
      start = scanned;
      quotes = 0;
    }
    this.pending = text.slice(start);
  }

  /** Ends the text: a last record without a line break is handed on. */
  end(): void {
    const rest = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    this.pending = '';
    if (rest) this.record(rest, rest.includes('"'));
  }

  private record(line: string, quoted: boolean): void {
    if (line === '') return;
    this.count++;
    this.onRecord(quoted ? splitQuoted(line) : line.split(','));
  }
}

/** The cells of one record that has quoted cells. */
function splitQuoted(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
