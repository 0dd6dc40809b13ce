import type { AppConfig } from '../core/config/app-config';
import { databaseEngine, sqliteFile } from '../core/database/data-source-options';
import { DEMO_TENANTS } from '../seed/demo-tenants';

/** The few human-readable lines `npm start` prints once the server listens. */
export function printBanner(config: AppConfig, boot: { bootMs: number; seeded: boolean }): void {
  const url = `http://localhost:${config.port}`;
  const database = databaseEngine(config) === 'mysql' ? 'MySQL (DATABASE_URL)' : `SQLite ${sqliteFile(config)}`;
  const lines = [
    '',
    `  Fasto is running at ${url}  (API ${url}/api, docs ${url}/api/docs)`,
    `  database: ${database}; ready in ${Math.round(boot.bootMs)} ms${boot.seeded ? ' (demo data seeded)' : ''}`,
  ];
  if (config.seedDemo) {
    const superAdminPassword = config.superAdmin.password === config.demoPassword ? '' : '  (password: SUPERADMIN_PASSWORD)';
    lines.push('', `  Logins (password ${config.demoPassword}):`, `    super admin  ${config.superAdmin.email}${superAdminPassword}`);
    for (const tenant of DEMO_TENANTS) {
      for (const user of tenant.users.filter((candidate) => candidate.email.split('@')[0].match(/^(admin|manager|agent)$/))) {
        lines.push(`    ${`${tenant.name} ${user.role}`.padEnd(13)}${user.email}`);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
