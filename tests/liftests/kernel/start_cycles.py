"""Start-up reliability of the installed Java kernel: start it, run one cell, stop it, many times.

  python3 -m liftests.kernel.start_cycles --client N    N cycles through jupyter_client/nbclient (as the test runner starts kernels)
  python3 -m liftests.kernel.start_cycles --server N    N cycles through a live Notebook server's REST and websocket API
                                 (as a learner's browser starts kernels)

A cycle fails when the cell's result has not arrived within --timeout seconds (default 60). Prints the
median and worst time from kernel start to first cell result, writes --json, exits 1 on any failure.
"""
import argparse
import asyncio
import json
import os
import statistics
import sys
import time
import uuid

from liftests import ROOT, browser, jupyter_path
from liftests.kernel.client import first_result, kernel_name

os.environ["JUPYTER_PATH"] = jupyter_path()
KERNEL = kernel_name()
CODE = 'System.out.println("ready " + (20 * 2 + 2));'
EXPECT = "ready 42"


def start_server(python, log):
    """A Notebook 7 server on the notebooks folder, started and isolated as the browser suite's are; returns
    (process, port, token)."""
    argv = [python, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", "--port={port}", "--port-retries=0",
            "--notebook-dir={root}"] + (["--allow-root"] if os.geteuid() == 0 else [])
    process, server = browser.start("start-cycles", argv, os.path.join(ROOT, "notebooks"), log)
    if not browser.wait_ready(server, process, seconds=60):
        browser.stop(process)
        raise RuntimeError("the Notebook server did not answer within 60 s; see its log")
    return process, int(server["url"].rsplit(":", 1)[1].strip("/")), server["token"]


async def server_cycle(port, token, timeout):
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from tornado.websocket import websocket_connect
    base = "http://127.0.0.1:%d" % port
    headers = {"Authorization": "token " + token}
    http = AsyncHTTPClient()
    started = time.monotonic()
    reply = await http.fetch(HTTPRequest(base + "/api/kernels", method="POST", headers=headers,
                                         body=json.dumps({"name": KERNEL})))
    kernel_id = json.loads(reply.body)["id"]
    try:
        ws = await websocket_connect(HTTPRequest("ws://127.0.0.1:%d/api/kernels/%s/channels?session_id=%s"
                                                 % (port, kernel_id, uuid.uuid4().hex), headers=headers))
        msg_id = uuid.uuid4().hex
        ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request",
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": CODE, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        deadline = started + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no result within %d s" % timeout)
            raw = await asyncio.wait_for(ws.read_message(), left)
            if raw is None:
                raise RuntimeError("websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and EXPECT in msg["content"]["text"]:
                ws.close()
                return time.monotonic() - started
            if msg["msg_type"] == "error":
                raise RuntimeError("cell failed: %s" % msg["content"].get("evalue"))
    finally:
        await http.fetch(HTTPRequest(base + "/api/kernels/" + kernel_id, method="DELETE", headers=headers),
                         raise_error=False)


async def server_flood(port, token, timeout):
    """200,000 println lines through the Notebook server: the cell ends, the cap line shows, idle arrives,
    and the next cell answers at once. Returns (seconds to idle, seconds for the next cell)."""
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from tornado.websocket import websocket_connect
    base = "http://127.0.0.1:%d" % port
    headers = {"Authorization": "token " + token}
    http = AsyncHTTPClient()
    reply = await http.fetch(HTTPRequest(base + "/api/kernels", method="POST", headers=headers,
                                         body=json.dumps({"name": KERNEL})))
    kernel_id = json.loads(reply.body)["id"]
    session = uuid.uuid4().hex
    try:
        ws = await websocket_connect(HTTPRequest("ws://127.0.0.1:%d/api/kernels/%s/channels?session_id=%s"
                                                 % (port, kernel_id, session), headers=headers))

        async def run(code):
            msg_id = uuid.uuid4().hex
            ws.write_message(json.dumps({
                "header": {"msg_id": msg_id, "username": "test", "session": session,
                           "msg_type": "execute_request", "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True}}))
            started, text = time.monotonic(), ""
            while True:
                left = started + timeout - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no idle status within %d s" % timeout)
                msg = json.loads(await asyncio.wait_for(ws.read_message(), left))
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "stream":
                    text += msg["content"]["text"]
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return time.monotonic() - started, text

        await run("1+1")  # the kernel is up
        flood, text = await run('for (int i = 0; i < 200_000; i++) System.out.println("line " + i);')
        if "190,000 more lines" not in text or "line 9999\n" not in text:
            raise RuntimeError("the capped output or its notice is missing: %r" % text[-300:])
        nxt, _ = await run("1+1")
        ws.close()
        return flood, nxt
    finally:
        await http.fetch(HTTPRequest(base + "/api/kernels/" + kernel_id, method="DELETE", headers=headers),
                         raise_error=False)


def report(kind, times, failures, cycles):
    line = "%s: %d cycles, %d failed" % (kind, cycles, len(failures))
    if times:
        line += ", start to first result: median %.2f s, worst %.2f s" % (statistics.median(times), max(times))
    print(line, flush=True)
    for f in failures:
        print("  " + f)
    return {"kind": kind, "cycles": cycles, "failed": len(failures), "failures": failures,
            "median_s": statistics.median(times) if times else None, "worst_s": max(times) if times else None,
            "times_s": [round(t, 3) for t in times]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--client", type=int, default=0, metavar="N")
    parser.add_argument("--server", type=int, default=0, metavar="N")
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--json", default=os.path.join(ROOT, "build", "test-results", "kernel-start.json"))
    args = parser.parse_args()
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    log_path = os.path.splitext(args.json)[0] + ".log"
    results = []
    with open(log_path, "w") as log:
        if args.client:
            times, failures = [], []
            for k in range(args.client):
                try:
                    times.append(first_result(CODE, EXPECT, timeout=args.timeout, log=log))
                except Exception as e:
                    failures.append("client cycle %d: %s: %s" % (k + 1, type(e).__name__, e))
            results.append(report("jupyter_client", times, failures, args.client))
        if args.server:
            server, port, token = start_server(sys.executable, log)
            times, failures = [], []
            try:
                loop = asyncio.new_event_loop()
                for k in range(args.server):
                    try:
                        times.append(loop.run_until_complete(server_cycle(port, token, args.timeout)))
                    except Exception as e:
                        failures.append("server cycle %d: %s: %s" % (k + 1, type(e).__name__, e))
                try:
                    flood, nxt = loop.run_until_complete(server_flood(port, token, args.timeout))
                    print("notebook server: 200,000 println lines: idle after %.2f s (capped), next cell %.2f s"
                          % (flood, nxt), flush=True)
                except Exception as e:
                    failures.append("output flood through the server: %s: %s" % (type(e).__name__, e))
            finally:
                browser.stop(server)
            results.append(report("notebook server", times, failures, args.server))
    with open(args.json, "w") as out:
        json.dump(results, out, indent=1)
    return 1 if any(r["failed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
