import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Users choose a language; notifications keep what their text was made from, to tell it in that language. */
export class NotificationLocale1763800000003 implements MigrationInterface {
  name = 'NotificationLocale1763800000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'locale', type: 'varchar', length: '16', isNullable: true }));
    await queryRunner.addColumn('notifications', new TableColumn({ name: 'data', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notifications', 'data');
    await queryRunner.dropColumn('users', 'locale');
  }
}
