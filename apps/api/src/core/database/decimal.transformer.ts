import type { ValueTransformer } from 'typeorm';

/** MySQL returns DECIMAL as a string to keep precision; money here fits a double comfortably. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
