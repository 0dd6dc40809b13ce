import { ValidateBy } from 'class-validator';
import { validateCronExpression } from 'cron';

/** Five fields (minute hour day month weekday): job slots are whole minutes, so no seconds field. */
export function isFiveFieldCron(value: unknown): value is string {
  return typeof value === 'string' && value.trim().split(/\s+/).length === 5 && validateCronExpression(value.trim()).valid;
}

export const CronExpression = () =>
  ValidateBy({
    name: 'isCronExpression',
    validator: {
      validate: (value: unknown) => isFiveFieldCron(value),
      defaultMessage: () => '$property must be a 5-field cron expression (minute hour day month weekday), in UTC',
    },
  });
