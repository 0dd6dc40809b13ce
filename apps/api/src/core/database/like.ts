/** A `LIKE` pattern that matches `text` literally anywhere; use with `ESCAPE '!'` in the SQL. */
export const containsPattern = (text: string): string => `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;

/** SQL fragment: case-insensitive "contains" on both engines (`:param` must hold containsPattern()). */
export const likeInsensitive = (column: string, param: string): string => `LOWER(${column}) LIKE LOWER(:${param}) ESCAPE '!'`;
