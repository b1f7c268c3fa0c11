import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The final report of an AWARDED case, stored once with its SHA-256 and served as stored thereafter. */
@Entity('reports')
export class StoredReport {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ type: 'text' }) lang: 'en' | 'es';
  @Column({ type: 'bytea' }) pdf: Buffer;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
