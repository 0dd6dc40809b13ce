type State = 'code' | 'single' | 'double' | 'backtick' | 'line-comment' | 'block-comment';

/**
 * Splits a MySQL dump (ours, or mysqldump/mariadb-dump output) into statements, chunk by chunk,
 * so a restore streams. Semicolons inside quotes and comments do not split; `--`/`#` line comments
 * are dropped; `/*! … *\/` version comments are kept (the server executes them).
 */
export class SqlStatementSplitter {
  private state: State = 'code';
  private current = '';
  private pending = '';

  push(chunk: string): string[] {
    this.pending += chunk;
    return this.drain(false);
  }

  end(): string[] {
    const statements = this.drain(true);
    const last = this.current.trim();
    this.current = '';
    if (keep(last)) statements.push(last);
    return statements;
  }

  private drain(final: boolean): string[] {
    const text = this.pending;
    const statements: string[] = [];
    let start = 0;
    let i = 0;
    // Two characters of lookahead decide comments and escapes: keep them for the next chunk.
    const limit = final ? text.length : text.length - 2;
    for (; i < limit; i++) {
      const char = text[i];
      const next = text[i + 1];
      switch (this.state) {
        case 'code':
          if (char === "'") this.state = 'single';
          else if (char === '"') this.state = 'double';
          else if (char === '`') this.state = 'backtick';
          else if (char === '#' || (char === '-' && next === '-' && (text[i + 2] === undefined || /\s/.test(text[i + 2])))) {
            this.current += text.slice(start, i);
            this.state = 'line-comment';
          } else if (char === '/' && next === '*') {
            this.state = 'block-comment';
            i++;
          } else if (char === ';') {
            this.current += text.slice(start, i);
            const statement = this.current.trim();
            if (keep(statement)) statements.push(statement);
            this.current = '';
            start = i + 1;
          }
          break;
        case 'single':
        case 'double':
          if (char === '\\') i++;
          else if (char === (this.state === 'single' ? "'" : '"')) this.state = 'code';
          break;
        case 'backtick':
          if (char === '`') this.state = 'code';
          break;
        case 'line-comment':
          if (char === '\n') {
            this.state = 'code';
            start = i;
          }
          break;
        case 'block-comment':
          if (char === '*' && next === '/') {
            this.state = 'code';
            i++;
          }
          break;
      }
    }
    if (this.state !== 'line-comment') this.current += text.slice(start, Math.min(i, text.length));
    this.pending = text.slice(Math.min(i, text.length));
    return statements;
  }
}

/** Plain comments alone are not statements (the server answers "Query was empty"). */
function keep(statement: string): boolean {
  return statement !== '' && !/^\/\*(?!!)[\s\S]*\*\/$/.test(statement);
}
