// The body of the password-hashing worker threads (see password-hashing.ts). Plain JavaScript on
// purpose: a worker thread loads its file with Node's own loader, and both the API's bundle and the
// TypeScript test runner start this very file. The synchronous calls hash on this thread, which
// Piscina has lowered in priority, rather than on libuv's shared pool.
const { hashSync, verifySync } = require('@node-rs/argon2');
const { getPriority } = require('node:os');

module.exports = {
  hash: ({ password, options }) => hashSync(password, options),
  verify: ({ passwordHash, password }) => verifySync(passwordHash, password),
  // On Linux a thread has its own nice value; 0 reads the calling thread's.
  niceness: () => getPriority(0),
};
