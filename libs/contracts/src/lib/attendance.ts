/** Channels the n8n workflow reports conversations from. */
export enum AttendanceChannel {
  WhatsApp = 'whatsapp',
  Instagram = 'instagram',
  Other = 'other',
}

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/** Name of the bucket that collects stages/origins outside the selected funnel or group. */
export const OTHERS_BUCKET_NAME = 'Outros';
