import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The final report of an AWARDED case, stored once with its file and content SHA-256 and served as stored thereafter. */
@Entity('reports')
export class StoredReport {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ type: 'text' }) lang: 'en' | 'es';
  @Column({ type: 'bytea' }) pdf: Buffer;
  /** SHA-256 of the PDF file. */
  @Column({ type: 'char', length: 64 }) sha256: string;
  /** SHA-256 of the report's content (the canonical JSON of its view model), as page 1 prints it; null for reports stored before it was kept. */
  @Column({ name: 'content_sha256', type: 'char', length: 64, nullable: true }) contentSha256: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
