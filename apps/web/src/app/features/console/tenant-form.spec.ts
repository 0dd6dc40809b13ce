import { slugify, tenantDraftErrors, toCreateTenantRequest, type TenantDraft } from './tenant-form';

const valid: TenantDraft = { name: 'Açaí & Cia', slug: 'acai-cia', plan: 'pro', trialDays: '14', adminName: 'Maria', adminEmail: 'maria@acai.example' };

describe('new tenant form', () => {
  it('suggests a slug the API accepts', () => {
    expect(slugify('Açaí & Cia Ltda.')).toBe('acai-cia-ltda');
    expect(slugify('  --Fasto 2026--  ')).toBe('fasto-2026');
  });

  it('accepts a complete draft and sends trimmed values', () => {
    expect(tenantDraftErrors(valid)).toEqual([]);
    expect(toCreateTenantRequest({ ...valid, adminEmail: ' maria@acai.example ' })).toEqual({
      name: 'Açaí & Cia',
      slug: 'acai-cia',
      plan: 'pro',
      trialDays: 14,
      admin: { fullName: 'Maria', email: 'maria@acai.example' },
    });
  });

  it('names every problem on the field the API names', () => {
    expect(tenantDraftErrors({ name: ' ', slug: 'Bad Slug', plan: 'trial', trialDays: '400', adminName: '', adminEmail: 'not-an-email' })).toEqual([
      { field: 'name', key: 'console.err.name' },
      { field: 'slug', key: 'console.err.slug' },
      { field: 'trialDays', key: 'console.err.trialDays' },
      { field: 'admin.fullName', key: 'console.err.adminName' },
      { field: 'admin.email', key: 'console.err.adminEmail' },
    ]);
    expect(tenantDraftErrors({ ...valid, slug: '-x' })).toEqual([{ field: 'slug', key: 'console.err.slug' }]);
    expect(tenantDraftErrors({ ...valid, trialDays: '1.5' })).toEqual([{ field: 'trialDays', key: 'console.err.trialDays' }]);
  });
});
