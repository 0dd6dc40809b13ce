import { formatMoneyInput, parseMoneyInput } from './money-input';

describe('money inputs', () => {
  it('show a stored value with the language separators', () => {
    expect(formatMoneyInput(6459.51, 'pt-BR')).toBe('6.459,51');
    expect(formatMoneyInput(6459.51, 'en')).toBe('6,459.51');
    expect(formatMoneyInput(1500, 'pt-BR')).toBe('1.500,00');
    expect(formatMoneyInput(null, 'pt-BR')).toBe('');
  });

  it('read back exactly what they show (no value multiplied by 100)', () => {
    for (const value of [6459.51, 0.5, 1234567.89, 12]) {
      expect(parseMoneyInput(formatMoneyInput(value, 'pt-BR'), 'pt-BR')).toBe(value);
      expect(parseMoneyInput(formatMoneyInput(value, 'en'), 'en')).toBe(value);
    }
  });

  it('read what people type in pt-BR', () => {
    expect(parseMoneyInput('1.234,56', 'pt-BR')).toBe(1234.56);
    expect(parseMoneyInput('1234,5', 'pt-BR')).toBe(1234.5);
    expect(parseMoneyInput('R$ 1.234', 'pt-BR')).toBe(1234);
    expect(parseMoneyInput('  ', 'pt-BR')).toBeNull();
  });

  it('read what people type in English', () => {
    expect(parseMoneyInput('1,234.56', 'en')).toBe(1234.56);
    expect(parseMoneyInput('1234.5', 'en')).toBe(1234.5);
  });

  it('refuse ambiguous or malformed text instead of guessing', () => {
    expect(parseMoneyInput('6459.51', 'pt-BR')).toBeNaN();
    expect(parseMoneyInput('6459,51', 'en')).toBeNaN();
    expect(parseMoneyInput('1.23,4', 'pt-BR')).toBeNaN();
    expect(parseMoneyInput('12,345', 'pt-BR')).toBeNaN();
    expect(parseMoneyInput('abc', 'pt-BR')).toBeNaN();
    expect(parseMoneyInput('-5', 'pt-BR')).toBeNaN();
  });
});
