import { Global, Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesQueries } from './cases.queries';
import { CasesService } from './cases.service';

/**
 * Cases, their buying center and their transitions through the one state machine. Global: the
 * approval module moves a case on sign-off, and the report lists the buying center (CasesQueries).
 */
@Global()
@Module({
  controllers: [CasesController],
  providers: [CasesService, CasesQueries],
  exports: [CasesService, CasesQueries],
})
export class CasesModule {}
