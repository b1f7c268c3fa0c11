import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OrgActionOf } from '../../common/auth';
import { PageQuery } from '../../common/paging';
import { uuidPipe } from '../../common/validation';
import { CreateTokenDto, CreateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@OrgActionOf('users.manage')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('users')
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Get('users')
  list(@Query() page: PageQuery) {
    return this.users.list(page.limit, page.offset);
  }

  @Get('users/:id')
  get(@Param('id', uuidPipe('id')) id: string) {
    return this.users.get(id);
  }

  @Post('users/:id/tokens')
  issueToken(@Param('id', uuidPipe('id')) id: string, @Body() dto: CreateTokenDto) {
    return this.users.issueToken(id, dto.label);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  async revoke(@Param('id', uuidPipe('id')) id: string): Promise<void> {
    await this.users.revokeToken(id);
  }
}
