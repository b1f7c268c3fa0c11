import { Approval } from './approval.entity';

/** TypeORM entities of this module, listed for the data source. */
export const APPROVAL_ENTITIES: Array<new () => object> = [Approval];
