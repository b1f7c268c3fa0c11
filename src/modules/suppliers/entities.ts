import { PerformanceEvent, Supplier } from './supplier.entity';

/** TypeORM entities of this module, listed for the data source. */
export const SUPPLIERS_ENTITIES: Array<new () => object> = [Supplier, PerformanceEvent];
