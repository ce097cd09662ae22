// A table whose column headers sort it (click or Enter on the header button; again to reverse), with
// aria-sort on the sorted column so screen readers announce the order.
import { h, replaceChildren } from './dom.ts';

export interface Column<Row> {
  key: string;
  label: string;
  /** What the column sorts by; omit for an unsortable column. */
  sortValue?: (row: Row) => string | number;
  cell: (row: Row) => Node | string;
}

export interface SortableTable<Row> {
  readonly element: HTMLTableElement;
  setRows(rows: readonly Row[]): void;
}

export function createSortableTable<Row>(caption: string, columns: Column<Row>[], className: string, initial: string): SortableTable<Row> {
  let rows: readonly Row[] = [];
  let sortKey = initial;
  let ascending = true;
  const head = h('thead');
  const body = h('tbody');
  const element = h('table', { class: `data-table ${className}` }, h('caption', { class: 'visually-hidden' }, caption), head, body);

  function draw(): void {
    replaceChildren(
      head,
      h(
        'tr',
        {},
        ...columns.map((column) => {
          const sorted = column.key === sortKey;
          const label = column.sortValue
            ? h(
                'button',
                { type: 'button', class: 'sort-button', 'data-sort': column.key, onClick: () => sortBy(column.key) },
                column.label,
                h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (ascending ? '▲' : '▼') : '↕'),
              )
            : column.label;
          return h('th', { scope: 'col', 'aria-sort': sorted ? (ascending ? 'ascending' : 'descending') : null }, label);
        }),
      ),
    );
    const column = columns.find((c) => c.key === sortKey);
    const ordered = column?.sortValue ? [...rows].sort((a, b) => compare(column.sortValue!(a), column.sortValue!(b)) * (ascending ? 1 : -1)) : rows;
    replaceChildren(body, ...ordered.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, c.cell(row))))));
  }

  function sortBy(key: string): void {
    ascending = key === sortKey ? !ascending : true;
    sortKey = key;
    draw();
    element.querySelector<HTMLButtonElement>(`[data-sort="${key}"]`)?.focus();
  }

  return {
    element,
    setRows(next) {
      rows = next;
      draw();
    },
  };
}

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });
}
