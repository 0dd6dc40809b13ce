/** The value of the field an input or change event came from. */
export const targetValue = (event: Event): string => (event.target as HTMLInputElement | HTMLSelectElement).value;
