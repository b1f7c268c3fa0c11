import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { User } from './user.entity';

/** Every SQL statement of the users module; the rest goes through the User and ApiToken entities. */
@Injectable()
export class UsersQueries {
  /** Whether a user has this email, compared ignoring case as the unique index `users_email_key` does. */
  async emailTaken(m: EntityManager, email: string): Promise<boolean> {
    return m.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', { email }).getExists();
  }
}
