import { refusedUrl, type Lookup } from './webhook-targets';

const resolvesTo =
  (...addresses: string[]): Lookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook targets (SSRF)', () => {
  it('allows http(s) to public addresses', async () => {
    expect(await refusedUrl('https://hooks.example.com/x', false, resolvesTo('93.184.216.34'))).toBeNull();
    expect(await refusedUrl('http://[2606:2800:220:1:248:1893:25c8:1946]/x', false)).toBeNull();
  });

  it.each([
    'http://127.0.0.1/x',
    'http://localhost:5678/x',
    'http://10.1.2.3/x',
    'http://172.20.0.1/x',
    'http://192.168.0.10/x',
    'http://169.254.10.1/x',
    'http://100.64.0.1/x',
    'http://0.0.0.0/x',
    'http://[::1]/x',
    'http://[fe80::1]/x',
    'http://[fd12::1]/x',
    'http://[::ffff:10.0.0.1]/x',
  ])('refuses the private, loopback or link-local %s', async (url) => {
    expect(await refusedUrl(url, false, resolvesTo('127.0.0.1'))).toMatch(/private, loopback or link-local/);
  });

  it('refuses a name when any of its addresses is private', async () => {
    expect(await refusedUrl('https://mixed.example.com/x', false, resolvesTo('93.184.216.34', '10.0.0.7'))).toMatch(/resolves to 10\.0\.0\.7/);
  });

  it('refuses metadata services even when private targets are allowed', async () => {
    expect(await refusedUrl('http://169.254.169.254/latest/meta-data', true)).toMatch(/metadata/);
    expect(await refusedUrl('http://metadata.google.internal/', true)).toMatch(/metadata/);
    expect(await refusedUrl('http://[fd00:ec2::254]/', true)).toMatch(/metadata/);
    expect(await refusedUrl('http://127.0.0.1:5678/x', true)).toBeNull();
  });

  it('refuses other schemes, credentials, garbage and names that do not resolve', async () => {
    expect(await refusedUrl('ftp://example.com/x', false)).toMatch(/http and https/);
    expect(await refusedUrl('file:///etc/passwd', false)).toMatch(/http and https/);
    expect(await refusedUrl('https://user:pass@example.com/x', false, resolvesTo('93.184.216.34'))).toMatch(/credentials/);
    expect(await refusedUrl('not a url', false)).toMatch(/valid URL/);
    const fails: Lookup = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await refusedUrl('https://nowhere.invalid/x', false, fails)).toMatch(/does not resolve/);
  });
});
