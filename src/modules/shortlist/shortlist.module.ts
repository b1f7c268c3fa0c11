import { Module } from '@nestjs/common';
import { SuppliersModule } from '../suppliers/suppliers.module';
import { ShortlistController } from './shortlist.controller';
import { ShortlistQueries } from './shortlist.queries';
import { ShortlistService } from './shortlist.service';

/** Suggestions, the shortlist, sole-source justification and the gatekeeper's approval; fills `facts.shortlist`. */
@Module({
  imports: [SuppliersModule],
  controllers: [ShortlistController],
  providers: [ShortlistService, ShortlistQueries],
  exports: [ShortlistQueries],
})
export class ShortlistModule {}
