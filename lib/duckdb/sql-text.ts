/** Names and text written into SQL, quoted (pure text: the browser's explorer uses it too). */

/** A SQL identifier, double-quoted. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A SQL string literal, single-quoted. */
export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
