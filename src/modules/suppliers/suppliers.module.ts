import { Module } from '@nestjs/common';
import { PerformanceService } from './performance.service';
import { ReliabilityService } from './reliability.service';
import { SupplierImportService } from './supplier-import.service';
import { SuppliersController } from './suppliers.controller';
import { SuppliersQueries } from './suppliers.queries';
import { SuppliersService } from './suppliers.service';

/** The supplier registry, its CSV import, the performance record and the reliability score (exported). */
@Module({
  controllers: [SuppliersController],
  providers: [SuppliersService, SuppliersQueries, SupplierImportService, PerformanceService, ReliabilityService],
  exports: [ReliabilityService],
})
export class SuppliersModule {}
