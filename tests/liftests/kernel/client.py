"""The one Jupyter client of liftests' kernel tools: start an installed kernel, run cells as a notebook does
(answering input requests, interrupting), stop it.

    with Kernel() as k:                       # our kernel from build/jupyter (liftests.jupyter_path())
        k.result("1+1")                       # "2"
        cell = k.run("while (true) {}", interrupt_after=1.0)
        cell.status, cell.error, cell.seconds, cell.stopped_after

Kernel(name="python3") starts IPython's kernel the same way (the latency report's baseline);
Kernel(data_dir=DIR) the kernel installed in another Jupyter data folder (a second JDK, an older build).
"""
import os
import socket
import subprocess
import time

import zmq

from liftests import jupyter_path, layout


def kernel_name():
    """Our kernelspec's name, as pom.xml sets it (target/layout.properties)."""
    return layout.get("kernel.name")


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def printed(outputs, name=None):
    """The text of the stream messages among `outputs` (all, or only stream `name`), in order."""
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and name in (None, m["content"]["name"]))


class Cell:
    """What running one cell gave: the execute_reply's content, the iopub messages a notebook shows
    (streams, results, displays, errors), the prompts answered, and times in seconds."""

    def __init__(self, reply, metadata, outputs, prompts, seconds, stopped_after):
        self.reply = reply
        self.metadata = metadata  # the execute_reply's metadata
        self.outputs = outputs
        self.prompts = prompts
        self.seconds = seconds  # from execute_request to both the reply and the idle status
        self.stopped_after = stopped_after  # from the interrupt request to the reply (None: not interrupted)

    @property
    def status(self):
        return self.reply["status"]

    @property
    def error(self):
        """(ename, evalue) of an error reply, else None."""
        return (self.reply["ename"], self.reply["evalue"]) if self.status == "error" else None

    def text(self, name=None):
        """The printed text (stdout and stderr, or only the stream `name`), in order."""
        return printed(self.outputs, name)

    def results(self):
        """text/plain of each execute_result."""
        return [m["content"]["data"]["text/plain"] for m in self.outputs if m["msg_type"] == "execute_result"]

    def kinds(self):
        return [m["msg_type"] for m in self.outputs]


class Kernel:
    """A started kernel and a client connected to it (ready: it has answered kernel_info).

    env: extra environment variables for the kernel; log: a file for its stdout/stderr (default: discarded);
    data_dir: a Jupyter data folder whose kernels/ holds the kernelspec (default: JUPYTER_PATH with
    build/jupyter first)."""

    def __init__(self, name=None, data_dir=None, env=None, log=None, timeout=120):
        from jupyter_client.kernelspec import KernelSpecManager
        from jupyter_client.manager import KernelManager

        # finding IPython's kernelspec imports ipykernel, whose debugger warns about Python's frozen modules
        os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        self.name = name or kernel_name()
        if data_dir:
            specs = KernelSpecManager(kernel_dirs=[os.path.join(data_dir, "kernels")])
        else:
            specs = KernelSpecManager()
            specs.kernel_dirs = [os.path.join(p, "kernels") for p in jupyter_path().split(os.pathsep)] \
                + specs.kernel_dirs
        self.km = KernelManager(kernel_name=self.name, kernel_spec_manager=specs)
        self.started = time.monotonic()
        output = log if log is not None else subprocess.DEVNULL
        self.km.start_kernel(stdout=output, stderr=output, env=dict(os.environ, **(env or {})))
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=timeout)
        except BaseException:
            self.close()
            raise

    @property
    def pid(self):
        return self.km.provisioner.process.pid

    def cpu_seconds(self):
        """CPU time the kernel's process has used so far (all its threads, user + system), s."""
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def threads_cpu_seconds(self):
        """CPU time used so far by each live thread of the kernel: {thread id: (name, s)}. Linux cuts names to 15
        characters: "cell-7", "ForkJoinPool.co", "C2 CompilerThre"."""
        used = {}
        tasks = "/proc/%d/task" % self.pid
        for tid in os.listdir(tasks):
            try:
                with open(os.path.join(tasks, tid, "comm")) as f:
                    name = f.read().strip()
                with open(os.path.join(tasks, tid, "stat")) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the thread ended meanwhile
            used[tid] = (name, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
        return used

    def cpu_growth(self, seconds):
        """CPU time the kernel uses over the next `seconds`: (whole process, {thread name: s} for the threads alive
        all along), s."""
        total, threads = self.cpu_seconds(), self.threads_cpu_seconds()
        time.sleep(seconds)
        total_after, after = self.cpu_seconds(), self.threads_cpu_seconds()
        grown = {}
        for tid, (name, used) in after.items():
            if tid in threads:
                grown[name] = grown.get(name, 0) + used - threads[tid][1]
        return total_after - total, grown

    def run(self, code, timeout=60, interrupt_after=None, running=None, answers=None):
        """Runs a cell; returns its Cell. interrupt_after: seconds after which to interrupt it (as the ■ button
        does), counted from when the cell prints `running` if given (so that compiling it does not count);
        answers: the lines to type, in turn, when the cell asks for input (the request then allows stdin; None:
        it does not); an answer None leaves that question unanswered."""
        answers = list(answers) if answers is not None else None
        started = time.monotonic()
        msg_id = self.kc.execute(code, allow_stdin=answers is not None)
        interrupt_at = started + interrupt_after if interrupt_after is not None and running is None else None
        interrupted = None
        reply, idle, outputs, prompts = None, False, [], []
        sockets = {self.kc.shell_channel.socket: self.kc.get_shell_msg,
                   self.kc.iopub_channel.socket: self.kc.get_iopub_msg,
                   self.kc.stdin_channel.socket: self.kc.get_stdin_msg}
        poller = zmq.Poller()
        for s in sockets:
            poller.register(s, zmq.POLLIN)
        deadline = started + timeout
        while reply is None or not idle:
            now = time.monotonic()
            if now >= deadline:
                raise TimeoutError("no reply and idle within %g s for %r" % (timeout, code[:60]))
            if interrupt_at is not None and interrupted is None and now >= interrupt_at:
                interrupted = time.monotonic()
                self.km.interrupt_kernel()
                continue
            until = interrupt_at if interrupt_at is not None and interrupted is None else deadline
            for s, _ in poller.poll(max(0.0, until - now) * 1000):
                msg = sockets[s](timeout=0)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind = msg["msg_type"]
                if kind == "execute_reply":
                    reply, metadata = msg["content"], msg["metadata"]
                    replied = time.monotonic()
                elif kind == "input_request":
                    prompts.append(msg["content"]["prompt"])
                    answer = answers.pop(0) if answers else ""
                    if answer is not None:
                        self.kc.input(answer)
                elif kind == "status":
                    idle = idle or msg["content"]["execution_state"] == "idle"
                elif kind != "execute_input":
                    outputs.append(msg)
                    if running is not None and interrupt_at is None and interrupt_after is not None \
                            and running in printed(outputs):
                        interrupt_at = time.monotonic() + interrupt_after
        return Cell(reply, metadata, outputs, prompts, time.monotonic() - started,
                    replied - interrupted if interrupted is not None else None)

    def result(self, code, timeout=60):
        """The text/plain of the cell's last result (None when it shows none); an AssertionError if it failed."""
        cell = self.run(code, timeout=timeout)
        assert cell.status == "ok", (code, cell.reply, cell.outputs)
        results = cell.results()
        return results[-1] if results else None

    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            self.km.shutdown_kernel(now=True)
            self.kc = None  # dropped now, while logging still works (not at the interpreter's exit)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def first_result(code, expect, timeout=120, **kernel_args):
    """Seconds from starting a kernel to the end of its first cell (code, whose printed text must hold
    expect); the kernel is stopped afterwards."""
    with Kernel(timeout=timeout, **kernel_args) as k:
        cell = k.run(code, timeout=timeout)
        if cell.status != "ok" or expect not in cell.text():
            raise RuntimeError("first cell failed: %s %r" % (cell.error, cell.text()[-200:]))
        return time.monotonic() - k.started
