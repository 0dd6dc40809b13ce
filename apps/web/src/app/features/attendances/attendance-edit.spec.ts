import type { AttendanceDetail } from '@fasto/contracts';
import { changesOf, draftOf } from './attendance-edit';

const sale = {
  id: 'a1',
  converted: true,
  saleValue: 6459.51,
  stage: { id: 'won', name: 'Venda Fechada', color: 'bg-green-500' },
  origin: { id: 'o1', name: 'Instagram', color: 'bg-pink-500' },
} as AttendanceDetail;

describe('attendance corrections', () => {
  it('pre-fill the sale value in the UI language', () => {
    expect(draftOf(sale, 'pt-BR').saleText).toBe('6.459,51');
    expect(draftOf(sale, 'en').saleText).toBe('6,459.51');
  });

  it('send only the stage when only the stage changed (the sale value is left alone)', () => {
    for (const language of ['pt-BR', 'en'] as const) {
      expect(changesOf(sale, { ...draftOf(sale, language), stageId: 'proposal' }, language)).toEqual({ funnelStageId: 'proposal' });
    }
  });

  it('send nothing when nothing changed', () => {
    expect(changesOf(sale, draftOf(sale, 'pt-BR'), 'pt-BR')).toEqual({});
  });

  it('send a typed value as the number it means', () => {
    expect(changesOf(sale, { ...draftOf(sale, 'pt-BR'), saleText: '1.234,56' }, 'pt-BR')).toEqual({ saleValue: 1234.56 });
    expect(changesOf(sale, { ...draftOf(sale, 'pt-BR'), saleText: '' }, 'pt-BR')).toEqual({ saleValue: null });
    expect(changesOf(sale, { ...draftOf(sale, 'pt-BR'), stageId: '', converted: false }, 'pt-BR')).toEqual({ funnelStageId: null, converted: false });
  });

  it('refuse a value that is not money in the UI language', () => {
    expect(changesOf(sale, { ...draftOf(sale, 'pt-BR'), saleText: '6459.51' }, 'pt-BR')).toBeNull();
  });
});
