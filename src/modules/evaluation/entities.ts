import { Decision } from './decision.entity';
import { Score } from './score.entity';

/** TypeORM entities of this module, listed for the data source. */
export const EVALUATION_ENTITIES: Array<new () => object> = [Score, Decision];
