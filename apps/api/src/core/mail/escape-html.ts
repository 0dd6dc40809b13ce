/** Text made safe for an e-mail's HTML, in an element or a quoted attribute: every name a user typed goes through it. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
