import type { AttendanceDetail } from '@fasto/contracts';
import { changesOf, draftOf, selectStage } from './attendance-edit';

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

describe('stage and conversion stay coherent', () => {
  const won = new Set(['won']);
  const open = { stageId: 'proposal', originId: '', converted: false, saleText: '' };

  it('entering the won stage proposes "Convertido"', () => {
    expect(selectStage(open, 'won', won)).toEqual({ draft: { ...open, stageId: 'won', converted: true }, effect: 'convertedProposed' });
  });

  it('leaving the won stage of a sale asks before anything is unticked', () => {
    const closed = { ...open, stageId: 'won', converted: true };
    expect(selectStage(closed, 'proposal', won)).toEqual({ draft: { ...closed, stageId: 'proposal' }, effect: 'askConverted' });
  });

  it('keeps asking while the pick stays outside the won stage', () => {
    const asked = { ...open, stageId: 'other-funnel', converted: true };
    expect(selectStage(asked, 'proposal', won, 'askConverted').effect).toBe('askConverted');
    expect(selectStage(asked, 'won', won, 'askConverted').effect).toBe('none');
  });

  it('moves between other stages without touching "Convertido"', () => {
    expect(selectStage(open, 'negotiation', won)).toEqual({ draft: { ...open, stageId: 'negotiation' }, effect: 'none' });
  });
});
