/** A strict RFC 4180 reader for tests: quoted fields, doubled quotes, CR/LF inside quotes; rows end at CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else {
        if (ch === '"') {
          quoted = false;
        } else {
          field += ch;
        }
        i++;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '') {
        throw new Error(`quote inside an unquoted field at ${i}`);
      }
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\n' ? 1 : 2;
    } else if (ch === '\r') {
      throw new Error(`bare CR outside quotes at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) {
    throw new Error('unterminated quoted field');
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
