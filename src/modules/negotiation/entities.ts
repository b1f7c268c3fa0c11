/** TypeORM entities of this module, listed for the data source. */
export const NEGOTIATION_ENTITIES: Array<new () => object> = [];
