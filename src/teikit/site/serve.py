"""A local preview server for a built site (search needs http://, not file://)."""
from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
                      ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream",
                      ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream",
                      ".pf_filter": "application/octet-stream"}

    def log_message(self, format, *args):  # quiet: one line per request is noise here
        pass


def make_server(site: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A server of the site's folder on 127.0.0.1 only (port 0: any free port)."""
    handler = functools.partial(_Handler, directory=str(site))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(site: Path, port: int = 8000) -> None:
    """Serve until Ctrl-C."""
    server = make_server(site, port)
    print(f"serving {site} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
