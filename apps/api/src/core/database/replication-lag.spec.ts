import { lagOf } from './replication-lag';

describe('lagOf (a replica status row)', () => {
  it("reads MariaDB's and MySQL 8's names for the lag", () => {
    expect(lagOf({ Seconds_Behind_Master: 0 })).toBe(0);
    expect(lagOf({ Seconds_Behind_Source: '7' })).toBe(7);
  });

  it('refuses a replica whose replication stopped (the server says NULL), naming the threads', () => {
    expect(() => lagOf({ Seconds_Behind_Master: null, Slave_IO_Running: 'Connecting', Slave_SQL_Running: 'Yes' })).toThrow(
      'replication stopped (IO thread Connecting, SQL thread Yes)',
    );
    expect(() => lagOf({ Seconds_Behind_Source: null, Replica_IO_Running: 'No', Replica_SQL_Running: 'No' })).toThrow('IO thread No, SQL thread No');
  });
});
