// A static file server that behaves like GitHub Pages for a project site: the build is
// served under a sub-path, a folder serves its index.html, any unknown path gets the
// site's 404.html with status 404 (which is how deep links reach the app there), and text
// and wasm go gzip-compressed to browsers that accept it, as GitHub Pages sends them.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest']);

async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Serves `root` at `http://127.0.0.1:<port><mount>` (mount like "/patella/" or "/").
 * Resolves to { origin, url, close }, where url is the app's address. `fallbackStatus` is
 * the status of 404.html for unknown paths: 404 as on GitHub Pages, or 200 for tools that
 * refuse to audit a page served with an error status.
 */
export async function serve(root, mount = '/', { fallbackStatus = 404 } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let status = 200;
    let file = null;
    if (path.startsWith(mount) || `${path}/` === mount) {
      const relative = normalize(path.slice(mount.length - 1) || '/');
      if (!relative.split(sep).includes('..')) file = await fileAt(join(root, relative));
    }
    if (!file) {
      status = fallbackStatus;
      file = await fileAt(join(root, '404.html'));
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch (error) {
      // A file can go between stat and read (a test's scratch folder removed while a browser
      // still fetches): answer like a server would, never with an unhandled rejection.
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${error.code ?? error}`);
      return;
    }
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 6 });
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    response.writeHead(status, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${mount}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
