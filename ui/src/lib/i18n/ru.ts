// Russian messages. Add translations here by key; any key missing from this catalog is shown in
// English, so the catalog can be filled in gradually.
import type { Catalog } from './en';

export const ru: Partial<Catalog> = {};
