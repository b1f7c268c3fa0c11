import { SpecificationVersion } from './specification-version.entity';

/** TypeORM entities of this module, listed for the data source. */
export const SPECIFICATION_ENTITIES: Array<new () => object> = [SpecificationVersion];
