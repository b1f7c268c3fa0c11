import { Global, Module } from '@nestjs/common';
import { PolicyController } from './policy.controller';
import { PolicyQueries } from './policy.queries';
import { PolicyService } from './policy.service';

@Global()
@Module({ controllers: [PolicyController], providers: [PolicyService, PolicyQueries], exports: [PolicyService] })
export class PolicyModule {}
