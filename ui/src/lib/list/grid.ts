// Columns of a records table (RecordGrid.svelte).

export interface GridColumn {
	id: string;
	label: string;
	/** CSS grid track, e.g. "minmax(150px, 2fr)". */
	width: string;
	/** Sort key when the column is sortable. */
	sort?: string;
	align?: 'start' | 'end';
}
