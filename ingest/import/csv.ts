/**
 * A streaming RFC 4180 CSV parser: quoted fields with commas, doubled quotes and newlines inside, CRLF or LF,
 * a UTF-8 BOM. Reports the line each record starts on, so a bad row can be named.
 */
export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

export class CsvParser {
  #field = '';
  #fields: string[] = [];
  #inQuotes = false;
  #quoteSeen = false; // just saw a quote inside a quoted field: either "" or the closing quote
  #line = 1;
  #recordLine = 1;
  #started = false;
  #first = true;

  /** Feeds a chunk of text; returns the records completed by it. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (this.#first) {
      this.#first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.#inQuotes) {
        if (this.#quoteSeen) {
          this.#quoteSeen = false;
          if (c === '"') {
            this.#field += '"';
            continue;
          }
          this.#inQuotes = false; // the quote closed the field; fall through to read c unquoted
        } else if (c === '"') {
          this.#quoteSeen = true;
          continue;
        } else {
          if (c === '\n') this.#line++;
          this.#field += c;
          continue;
        }
      }
      if (c === '"' && this.#field.length === 0) {
        this.#inQuotes = true;
        this.#started = true;
      } else if (c === ',') {
        this.#fields.push(this.#field);
        this.#field = '';
        this.#started = true;
      } else if (c === '\n') {
        this.#endRecord(out);
        this.#line++;
        this.#recordLine = this.#line;
      } else if (c === '\r') {
        // CRLF: the \n ends the record; a lone \r is dropped.
      } else {
        this.#field += c;
        this.#started = true;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record if it had no trailing newline. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.#quoteSeen) {
      this.#quoteSeen = false;
      this.#inQuotes = false;
    }
    if (this.#inQuotes) throw new Error(`unterminated quoted field starting on line ${this.#recordLine}`);
    this.#endRecord(out);
    return out;
  }

  #endRecord(out: CsvRecord[]): void {
    if (this.#started || this.#field.length > 0 || this.#fields.length > 0) {
      this.#fields.push(this.#field);
      out.push({ line: this.#recordLine, fields: this.#fields });
    }
    this.#fields = [];
    this.#field = '';
    this.#started = false;
  }
}
