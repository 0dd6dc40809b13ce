import { interpolate, pluralCategory } from './interpolate';

const members = '{n, plural, one {# membro} other {# membros}}';

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(interpolate('pt-BR', 'Olá, {name} ({x})', { name: 'Ana' })).toBe('Olá, Ana ({x})');
  });

  it('chooses the plural branch by each language’s rules', () => {
    expect(interpolate('pt-BR', members, { n: 1 })).toBe('1 membro');
    expect(interpolate('pt-BR', members, { n: 2 })).toBe('2 membros');
    // Portuguese (pt) says "0 membro" is singular; English says "0 members": the rules come from CLDR, not from `n === 1`.
    expect(pluralCategory('pt-BR', 0)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(interpolate('en', '{n, plural, one {# member} other {# members}}', { n: 0 })).toBe('0 members');
  });

  it('prefers an exact =n branch, formats the count and keeps placeholders inside a branch', () => {
    const text = '{p, plural, =0 {nenhum convite} one {# convite de {who}} other {# convites de {who}}}';
    expect(interpolate('pt-BR', text, { p: 0, who: 'Ana' })).toBe('nenhum convite');
    expect(interpolate('pt-BR', text, { p: 1234, who: 'Ana' })).toBe('1.234 convites de Ana');
  });

  it('leaves a plural block alone when its count is missing', () => {
    expect(interpolate('pt-BR', members, { m: 1 })).toBe(members);
  });
});
