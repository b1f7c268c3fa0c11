import { StoredReport } from './report.entity';

/** TypeORM entities of this module, listed for the data source. */
export const REPORTS_ENTITIES: Array<new () => object> = [StoredReport];
