'use strict';
// Starts s3rver on 127.0.0.1 on a free port for the artifact tests (see LocalS3Server.cs).
// Usage: node serve.js <data-directory> <bucket>...
// Prints "S3rver listening on 127.0.0.1:<port>" when ready, and exits when its stdin closes,
// so that the server never outlives the test process that started it.
const S3rver = require('s3rver');

const [directory, ...buckets] = process.argv.slice(2);
if (!directory) {
  console.error('usage: node serve.js <data-directory> <bucket>...');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map(name => ({ name, configs: [] })),
});

server
  .run()
  .then(({ address, port }) => console.log('S3rver listening on %s:%d', address, port))
  .catch(error => {
    console.error(error);
    process.exit(1);
  });

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
