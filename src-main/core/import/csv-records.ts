/**
 * A small quote-aware splitter for the first part of a CSV file: enough to pick the
 * delimiter and find the header row. The whole file is read by DuckDB.
 */
export interface SampleRecord {
  cells: string[];
  /** 1-based physical line on which the record ends. */
  endLine: number;
  startLine: number;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export function splitRecords(text: string, delimiter: string, maxRecords: number): SampleRecord[] {
  const records: SampleRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const finishRecord = () => {
    cells.push(cell);
    const blank = cells.length === 1 && cells[0]?.trim() === '';
    if (!blank) records.push({ cells, startLine, endLine: line });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        // CR, LF and CRLF each end a line, inside quotes as outside (the import's scanner counts the same way).
        if (ch === '\n' && text[i - 1] !== '\r') line++;
        else if (ch === '\r') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      finishRecord();
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (records.length < maxRecords && (cells.length > 0 || cell.trim() !== '')) finishRecord();
  return records;
}
