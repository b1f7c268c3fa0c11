import { PolicyVersion } from './policy-version.entity';

/** TypeORM entities of this module, listed for the data source. */
export const POLICY_ENTITIES: Array<new () => object> = [PolicyVersion];
