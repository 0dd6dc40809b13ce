import { nextSort, sortRows, type DataColumn } from './data-column';

interface Row {
  name: string;
  score: number | null;
}

const columns: DataColumn<Row>[] = [
  { key: 'name', label: 'Name', sortValue: (row) => row.name },
  { key: 'score', label: 'Score', sortValue: (row) => row.score },
];
const rows: Row[] = [
  { name: 'Bia', score: 70 },
  { name: 'Ana', score: null },
  { name: 'Caio', score: 9 },
];

describe('data table sorting', () => {
  it('cycles ascending, descending, the API order', () => {
    const first = nextSort(null, 'name');
    expect(first).toEqual({ key: 'name', direction: 'ascending' });
    const second = nextSort(first, 'name');
    expect(second).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort(second, 'name')).toBeNull();
    expect(nextSort(second, 'score')).toEqual({ key: 'score', direction: 'ascending' });
  });

  it('sorts numbers as numbers and puts empty values last both ways', () => {
    const names = (sorted: readonly Row[]) => sorted.map((row) => row.name);
    expect(names(sortRows(rows, columns, { key: 'score', direction: 'ascending' }))).toEqual(['Caio', 'Bia', 'Ana']);
    expect(names(sortRows(rows, columns, { key: 'score', direction: 'descending' }))).toEqual(['Bia', 'Caio', 'Ana']);
    expect(names(sortRows(rows, columns, { key: 'name', direction: 'ascending' }))).toEqual(['Ana', 'Bia', 'Caio']);
    expect(sortRows(rows, columns, null)).toBe(rows);
  });
});
