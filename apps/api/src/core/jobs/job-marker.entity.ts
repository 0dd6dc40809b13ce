import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * "This already happened" flags for jobs that must act once per subject, not once per run
 * (e.g. one trial-ending warning per tenant and trial end): the INSERT of the key wins once.
 */
@Entity('job_markers')
export class JobMarker {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  name!: string;

  @Column({ type: 'datetime' })
  createdAt!: Date;
}
