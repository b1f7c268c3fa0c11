import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { UsersQueries } from './users.queries';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController], providers: [UsersService, UsersQueries], exports: [UsersService] })
export class UsersModule {}
