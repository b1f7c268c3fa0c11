import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

/** Every SQL statement of the policy module; versions are read and appended through the PolicyVersion entity. */
@Injectable()
export class PolicyQueries {
  /**
   * Serializes policy changes until the transaction ends: two admins saving at once would both
   * build on the same version, and the second would silently drop the first one's sections.
   * Readers are not blocked (EXCLUSIVE still allows ACCESS SHARE).
   */
  async lockVersions(m: EntityManager): Promise<void> {
    await m.query('LOCK TABLE policy_versions IN EXCLUSIVE MODE');
  }
}
