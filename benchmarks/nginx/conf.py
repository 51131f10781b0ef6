"""Writes an nginx configuration that routes as the Ingress file does, for the benchmark's reference row:
the same endpoints through nginx (as ingress-nginx configures it: regex paths tried longest first,
keep-alive connections to each service, request and answer bodies streamed, no access log, as the
local gateway keeps none), on the same machine as the local gateway.

Usage: conf.py INGRESS_YAML PREFIX_DIR LISTEN_PORT service=port...
"""
import pathlib
import sys

import yaml

ingress, prefix, listen = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
ports = dict(arg.split("=", 1) for arg in sys.argv[4:])

rules = []
for doc in yaml.safe_load_all(pathlib.Path(ingress).read_text()):
    if not doc or doc.get("kind") != "Ingress":
        continue
    for rule in doc["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            rules.append((path["path"], path["backend"]["service"]["name"]))
rules.sort(key=lambda r: len(r[0]), reverse=True)

upstreams = "\n".join(
    f"  upstream {name} {{ server 127.0.0.1:{ports[name]}; keepalive 256; }}" for name in sorted({s for _, s in rules}))
locations = "\n".join(
    f"    location ~ ^{path} {{ proxy_pass http://{service}; }}" for path, service in rules)
print(f"""worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
daemon on;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {prefix}/body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  client_max_body_size 64m;
  large_client_header_buffers 4 64k;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $host;
  proxy_buffering off;
  proxy_request_buffering off;
{upstreams}
  server {{
    listen 127.0.0.1:{listen};
{locations}
    location / {{ return 404; }}
  }}
}}""")
