/**
 * Docker-style `.env` files often keep the quotes: `JWT_SECRET="abc"` arrives as `"abc"`.
 * Strip one pair of matching surrounding quotes so the value means what the operator meant.
 */
export function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2) {
    const first = trimmed[0];
    if ((first === '"' || first === "'") && trimmed[trimmed.length - 1] === first) {
      return trimmed.slice(1, -1);
    }
  }
  return trimmed;
}
