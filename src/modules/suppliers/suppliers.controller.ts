import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, OrgActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { uuidPipe } from '../../common/validation';
import { User } from '../users/user.entity';
import { MAX_EVENTS, oneOrManyEvents, PerformanceEventDto, PerformanceEventsDto, ReliabilityQuery } from './dto/performance.dto';
import { CreateSupplierDto, ListSuppliersQuery, UpdateSupplierDto } from './dto/supplier.dto';
import { PerformanceService } from './performance.service';
import { ReliabilityService } from './reliability.service';
import { SupplierImportService } from './supplier-import.service';
import { SuppliersService } from './suppliers.service';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { ImportResult, PerformanceEventList, PerformanceEventPage, PerformanceImportResult, PerformanceRecorded, Reliability, Supplier, SupplierPage } from './suppliers.schemas';

/** The supplier registry: everyone authenticated reads it; admins and the registry organization role write it. */
@ApiTags('suppliers')
@ApiBearerAuth(USER_TOKEN)
@ApiExtraModels(PerformanceEventDto, PerformanceEventsDto)
@Controller('suppliers')
export class SuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly importer: SupplierImportService,
    private readonly performance: PerformanceService,
    private readonly reliability: ReliabilityService,
  ) {}

  @Endpoint('createSupplier', 'Register a supplier (admin or registry role)', { status: 201, response: Supplier, problems: [403, 409], idempotent: true })
  @Post()
  @OrgActionOf('registry.write')
  create(@Body() dto: CreateSupplierDto) {
    return this.suppliers.create(dto);
  }

  @Endpoint('listSuppliers', 'Search the registry, paged', { response: SupplierPage })
  @Get()
  list(@Query() query: ListSuppliersQuery) {
    return this.suppliers.list(query);
  }

  /** CSV, all or nothing; see README "Supplier CSV import" for the columns. */
  @Post('import')
  @HttpCode(200)
  @OrgActionOf('registry.write')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk\n' +
        'ACME GmbH,DE123456789,DE,compressors|pumps,Jane Doe,jane@acme.example,,ISO 9001:2015:2024-01-15:2027-01-14,0.2',
    },
  })
  @Endpoint('importSuppliers', 'Import suppliers from CSV, all or nothing (admin or registry role)', { response: ImportResult, problems: [403, 409], idempotent: true })
  import(@Body() csv: string) {
    return this.importer.import(csv);
  }

  @Endpoint('getSupplier', 'Read a supplier', { response: Supplier, problems: [404] })
  @Get(':id')
  get(@Param('id', uuidPipe('id')) id: string) {
    return this.suppliers.get(id);
  }

  @Endpoint('updateSupplier', 'Change a supplier (a list sent replaces the stored list)', { response: Supplier, problems: [403, 404, 409] })
  @Patch(':id')
  @OrgActionOf('registry.write')
  update(@Param('id', uuidPipe('id')) id: string, @Body() dto: UpdateSupplierDto) {
    return this.suppliers.update(id, dto);
  }

  @Endpoint('recordPerformance', 'Record a delivery or an incident, or several of one supplier as `events`, all or nothing (admin or registry role; a delivery against an AWARDED case: its buyer)', {
    status: 201,
    response: PerformanceRecorded,
    problems: [403, 404, 409, 422],
    idempotent: true,
    description: 'One event answers the event; `{"events": [...]}` (1–1,000, or a JSON array of events) answers `{items, total}` in the order sent, recorded together or not at all, a problem naming its event (`events.3.date`). `/performance/batch` takes the same list.',
  })
  @Post(':id/performance')
  @OrgActionOf('performance.write')
  @ApiBody({ schema: { anyOf: [{ $ref: getSchemaPath(PerformanceEventDto) }, { $ref: getSchemaPath(PerformanceEventsDto) }, { type: 'array', items: { $ref: getSchemaPath(PerformanceEventDto) }, minItems: 1, maxItems: MAX_EVENTS }] } })
  recordPerformance(@Param('id', uuidPipe('id')) id: string, @Body(oneOrManyEvents) body: PerformanceEventDto | PerformanceEventDto[], @CurrentUser() user: User) {
    return Array.isArray(body) ? this.performance.recordBatch(id, body, user) : this.performance.record(id, body, user);
  }

  @Endpoint('recordPerformanceBatch', 'Record many deliveries and incidents of one supplier, all or nothing (admin or registry role; deliveries against an AWARDED case: its buyer)', {
    status: 201,
    response: PerformanceEventList,
    problems: [403, 404, 409, 422],
    idempotent: true,
  })
  @Post(':id/performance/batch')
  @OrgActionOf('performance.write')
  recordPerformanceBatch(@Param('id', uuidPipe('id')) id: string, @Body() dto: PerformanceEventsDto, @CurrentUser() user: User) {
    return this.performance.recordBatch(id, dto.events, user);
  }

  /** CSV, all or nothing; see README "Performance import" for the columns. */
  @Post('performance/import')
  @HttpCode(200)
  @OrgActionOf('registry.write')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'taxId,country,type,date,onTime,inFull,severity,description\n' +
        'DE123456789,DE,delivery,2026-03-02,true,false,,\n' +
        'DE123456789,DE,incident,2026-03-05,,,minor,Oil leak at commissioning',
    },
  })
  @Endpoint('importPerformance', 'Import performance events of many suppliers from CSV, all or nothing (admin or registry role)', {
    response: PerformanceImportResult,
    problems: [403],
    idempotent: true,
  })
  importPerformance(@Body() csv: string, @CurrentUser() user: User) {
    return this.performance.importCsv(csv, user);
  }

  @Endpoint('listPerformance', 'The performance record, newest first, paged', { response: PerformanceEventPage, problems: [404] })
  @Get(':id/performance')
  listPerformance(@Param('id', uuidPipe('id')) id: string, @Query() page: PageQuery) {
    return this.performance.list(id, page.limit, page.offset);
  }

  @Endpoint('getReliability', 'The reliability score with its parts', { response: Reliability, problems: [404] })
  @Get(':id/reliability')
  reliabilityOf(@Param('id', uuidPipe('id')) id: string, @Query() query: ReliabilityQuery) {
    return this.reliability.forSupplier(id, query.asOf);
  }
}
