import { ValidateBy } from 'class-validator';

/**
 * A finite number with at most two decimal places (money). class-validator's own
 * `maxDecimalPlaces` reads the digits after the "." of the number's text and throws on tiny
 * amounts written in exponent form ("1e-7"): a 500 for bad input. Rounding to cents and
 * comparing answers the same question without parsing text.
 */
export const isCents = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(2)) === value;

export const Cents = () =>
  ValidateBy({
    name: 'isCents',
    validator: {
      validate: (value: unknown) => isCents(value),
      defaultMessage: () => '$property must be a number with at most two decimal places',
    },
  });
