import { ShortlistEntry } from './shortlist-entry.entity';

/** TypeORM entities of this module, listed for the data source. */
export const SHORTLIST_ENTITIES: Array<new () => object> = [ShortlistEntry];
