import { EARLIEST_ATTENDED_AT } from '@fasto/contracts';
import { ValidateBy } from 'class-validator';

const EARLIEST_MS = Date.parse(EARLIEST_ATTENDED_AT);

/** An instant the runtime can read, not before EARLIEST_ATTENDED_AT (year 0100 is a typo, not history). */
export const isNotBeforeEarliestAttendance = (value: unknown): boolean => typeof value === 'string' && Date.parse(value) >= EARLIEST_MS;

export const NotBeforeEarliestAttendance = () =>
  ValidateBy({
    name: 'notBeforeEarliestAttendance',
    validator: {
      validate: isNotBeforeEarliestAttendance,
      defaultMessage: () => `$property must not be before ${EARLIEST_ATTENDED_AT.slice(0, 10)}`,
    },
  });
