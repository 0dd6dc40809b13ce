/**
 * The one form of an email address that is stored, looked up and used as a throttle key:
 * trimmed, lower-cased, NFC. Case never matters; accents do (`ádmin@` is another address), and
 * the columns holding emails compare bytes on every engine, so this form decides alone.
 */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase().normalize('NFC');
