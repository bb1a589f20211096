// Reads back what the comparison page downloads as CSV, in the unit tests and the browser tests.

/**
 * A minimal RFC 4180 reader, to read the file back as a spreadsheet would; `separators` are
 * the characters it splits fields on outside quotes (a spreadsheet may be told to split on
 * semicolons as well as commas).
 */
export function parseCsv(text: string, separators = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (separators.includes(c)) row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}
