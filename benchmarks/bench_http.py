"""A small GET helper for the benchmark scripts: JSON from the gateway with a bearer token."""
import json
import urllib.request


def get(base, path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)
