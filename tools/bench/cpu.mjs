// CPU time per request of the API, the database server and the load client (this process), read
// from /proc around a measure. On a shared or throttled machine req/s swing from run to run; the
// CPU a request costs each side holds still, and says which side a change made cheaper.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICK_US = 1e6 / 100; // USER_HZ: Linux reports utime/stime in hundredths of a second

/** utime + stime of a process, in µs (null where /proc is not there). */
function processCpuUs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return null;
  }
}

function databasePid() {
  try {
    return execFileSync('pidof', ['mariadbd', 'mysqld'], { encoding: 'utf8' }).trim().split(/\s+/)[0] || null;
  } catch {
    return null;
  }
}

const ownCpuUs = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/**
 * Starts counting; each `lap(units)` returns the CPU µs per unit spent since the previous lap (or
 * the start) by the API, the database server and the load client, then starts the next lap.
 */
export function cpuMeter(apiPid) {
  const dbPid = databasePid();
  const read = () => ({ api: processCpuUs(apiPid), database: dbPid ? processCpuUs(dbPid) : null, client: ownCpuUs() });
  let last = read();
  return {
    lap(units) {
      const now = read();
      const per = (side) => (now[side] === null || last[side] === null ? null : Math.round((now[side] - last[side]) / units));
      const result = { api: per('api'), database: per('database'), client: per('client') };
      last = now;
      return result;
    },
  };
}

/**
 * CPU per unit over several separate stretches (the rounds of one side of a measure): `during`
 * counts what `run` spends, `perUnit` divides the total by the units counted.
 */
export function cpuTally(apiPid) {
  const meter = cpuMeter(apiPid);
  const total = { api: 0, database: 0, client: 0 };
  let units = 0;
  return {
    async during(run, unitsOf) {
      meter.lap(1);
      const result = await run();
      const spent = meter.lap(1);
      for (const side of Object.keys(total)) total[side] = total[side] === null || spent[side] === null ? null : total[side] + spent[side];
      units += unitsOf(result);
      return result;
    },
    perUnit: () => Object.fromEntries(Object.entries(total).map(([side, us]) => [side, us === null ? null : Math.round(us / Math.max(1, units))])),
  };
}

/**
 * Waits until the database server is idle: after the bench deletes what it ingested, InnoDB's
 * purge goes on removing those rows from every index for a minute or more, and that CPU would be
 * counted against whatever is measured next. Resolves at once without a database process.
 */
export async function databaseIdle({ maxCores = 0.05, timeoutMs = 600_000 } = {}) {
  const pid = databasePid();
  if (!pid) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = processCpuUs(pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (processCpuUs(pid) - before < maxCores * 1e6) return;
  }
}
