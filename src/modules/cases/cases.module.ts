import { Global, Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesQueries } from './cases.queries';
import { CasesService } from './cases.service';
import { DeclarationsController } from './declarations.controller';
import { DeclarationsService } from './declarations.service';

/**
 * Cases, their buying center and their transitions through the one state machine. Global: the
 * approval module moves a case on sign-off, and the report lists the buying center (CasesQueries);
 * scoring, proposing and signing ask DeclarationsService whether their actor declared.
 */
@Global()
@Module({
  controllers: [CasesController, DeclarationsController],
  providers: [CasesService, CasesQueries, DeclarationsService],
  exports: [CasesService, CasesQueries, DeclarationsService],
})
export class CasesModule {}
