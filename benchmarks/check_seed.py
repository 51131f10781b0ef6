"""Checks that the seeded data reads back through the API as the services would have written it.

Usage: check_seed.py GATEWAY ADMIN_TOKEN MEMBER_TOKEN
"""
import sys

from bench_http import get

base, admin, member = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def expect(what, actual, wanted):
    if actual != wanted:
        failures.append(f"{what}: {actual!r}, expected {wanted!r}")


sessions = get(base, "/sessions?limit=100&order=desc", admin)["items"]
expect("newest MCP sessions are the active ones", {s["status"] for s in sessions}, {"active"})
expect("an active session's connection", sessions[0]["connection_status"], "connected")
session = sessions[-1]["id"]

messages = get(base, f"/sessions/{session}/messages?limit=100", admin)["items"]
expect("messages of a session", len(messages), 81)
expect("messages in id order", [m["id"] for m in messages], sorted(m["id"] for m in messages))
expect("messages in time order", [m["created_at"] for m in messages], sorted(m["created_at"] for m in messages))
expect("message types", {m["type"] for m in messages}, {"request", "response", "error", "notification"})
expect("a response takes its request's method", messages[1]["mcp_message"]["method"], "tools/call")
one = get(base, f"/sessions/{session}/messages/{messages[5]['id']}", admin)
expect("one message", one["id"], messages[5]["id"])
participants = get(base, f"/session-participants?session_id={session}", admin)["items"]
expect("participants of a session", sorted(p["type"] for p in participants), ["mcp_client", "provider"])

account = "/accounts/demo/realtime/kit/bench-app/sessions"
listed = get(base, account + "?per_page=100", admin)
expect("meeting sessions (the app's kept total)", listed["paging"]["total_count"], 10000)
live = get(base, account + "?status=LIVE&per_page=1", admin)
expect("live meeting sessions (counted)", live["paging"]["total_count"], 50)
newest = listed["data"]["sessions"][0]
expect("the newest meeting is live", newest["status"], "LIVE")
expect("live participants kept", newest["live_participants"], 5)
ended = listed["data"]["sessions"][-1]
expect("an ended meeting", ended["status"], "ENDED")
expect("max concurrent participants kept", ended["max_concurrent_participants"], 10)
peers = get(base, f"{account}/{ended['id']}/participants?per_page=100", admin)["data"]["participants"]
expect("peers of a meeting", len(peers), 10)
minutes = round(sum(p["duration"] for p in peers), 2)
expect("minutes consumed are the peers' minutes", round(ended["minutes_consumed"], 2), minutes)

threads = get(base, "/api/thread-participants?limit=100", admin)
expect("thread participants", threads["pageInfo"]["total"], 100000)
page = get(base, f"/api/thread-participants?thread_id={threads['data'][0]['threadId']}", member)
expect("a member lists a thread", page["pageInfo"]["total"], 50)
expect("participants in id order", [p["id"] for p in page["data"]], sorted(p["id"] for p in page["data"]))

if failures:
    print("The seeded data does not read back as expected:", *failures, sep="\n  ")
    sys.exit(1)
print("seeded data reads back as expected")
