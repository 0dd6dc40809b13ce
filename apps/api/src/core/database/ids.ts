import { v7 as uuidv7 } from 'uuid';

/**
 * New row ids: UUIDv7, whose first 48 bits are the creation time. They stay unguessable but
 * arrive in order, so InnoDB appends to its clustered index instead of splitting random pages
 * (random v4 keys made bulk inserts ~10× slower once the table outgrew the buffer pool).
 */
export const newId = (): string => uuidv7();
