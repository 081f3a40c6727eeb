// The API the runtime bench calls: a node:http server in its own process (so its CPU is not the client's), answering
// like the Telnyx OAuth endpoints: create, retrieve, and a 50-page list. Prints its URL on stdout.
import { createServer } from 'node:http';

const client = (id) => ({
  record_type: 'oauth_client',
  client_id: id,
  name: 'Bench client',
  org_id: 'org_0123456789',
  user_id: 'user_0123456789',
  client_type: 'confidential',
  require_pkce: false,
  allowed_grant_types: ['client_credentials'],
  allowed_scopes: ['admin'],
  redirect_uris: ['https://example.com/callback'],
  logo_uri: 'https://example.com/logo.png',
  tos_uri: 'https://example.com/tos',
  policy_uri: 'https://example.com/policy',
  client_secret: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});
const TOTAL_PAGES = 50;
const created = JSON.stringify({ data: client('5f3c1d2e-0000-4000-8000-000000000001') });

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    let body;
    if (req.method === 'POST') body = created;
    else if (url.pathname === '/oauth_clients') {
      const page = Number(url.searchParams.get('page[number]') ?? url.searchParams.get('page_number') ?? 1);
      body = JSON.stringify({
        data: [client(`p${page}-a`), client(`p${page}-b`)],
        meta: { page_number: page, page_size: 2, total_pages: TOTAL_PAGES, total_results: TOTAL_PAGES * 2 },
      });
    } else body = JSON.stringify({ data: client(url.pathname.split('/').pop()) });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => process.exit(0));
