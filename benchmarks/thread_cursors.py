"""Prints the endCursor after each page FIRST..LAST (1-based) of a thread's participant list,
walking it page by page as a client does: the cursors are signed by the service.

Usage: thread_cursors.py GATEWAY TOKEN THREAD_ID FIRST LAST
"""
import sys
import urllib.parse

from bench_http import get

base, token, thread, first, last = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
after = None
for page in range(1, last + 1):
    query = {"thread_id": thread, "limit": "100"}
    if after:
        query["after"] = after
    after = get(base, "/api/thread-participants?" + urllib.parse.urlencode(query), token)["pageInfo"]["endCursor"]
    if page >= first:
        print("/api/thread-participants?" + urllib.parse.urlencode({"thread_id": thread, "after": after}))
