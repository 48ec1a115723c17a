"""Shared by the bench scripts: run a command in its own process tree and measure wall time and peak memory."""
from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bench" / "wikinews-fr"
RESULTS = Path(__file__).resolve().parent / "results"
MIB = 1024 * 1024
SAMPLE_EVERY = 0.05  # seconds between memory samples of the process tree


def machine() -> dict:
    """The machine the figures were measured on."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"cpus": os.cpu_count(), "memory_gib": round(memory / 1024**3, 1), "python": platform.python_version(),
            "platform": platform.platform(), "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def run(command: list[str], **kwargs) -> dict:
    """Run `command`; wall seconds, its stdout, and in MiB (sampled every 50 ms with psutil) the peak RSS of
    its process tree (sum over live processes), its peak PSS (shared pages split between the processes
    sharing them, so forked children are not counted twice), and the peak RSS of its largest process and of
    the command's own (parent) process."""
    import psutil  # installed with the test extra (a dependency of distributed)

    errors = tempfile.TemporaryFile("w+")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, **kwargs)
    root = psutil.Process(process.pid)
    tree_peak = pss_peak = single_peak = root_peak = 0
    output: list[str] = []
    reader = _drain(process, output)
    while process.poll() is None:
        rss, pss = [], []
        try:
            for member in [root, *root.children(recursive=True)]:
                try:
                    info = member.memory_full_info()
                    rss.append(info.rss)
                    pss.append(info.pss)
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        if rss:
            tree_peak, single_peak = max(tree_peak, sum(rss)), max(single_peak, max(rss))
            pss_peak, root_peak = max(pss_peak, sum(pss)), max(root_peak, rss[0])
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - start
    reader.join()
    if process.returncode:
        errors.seek(0)
        sys.exit(f"{errors.read()[-3000:]}\n{' '.join(command[:4])} ... failed with exit code {process.returncode}")
    return {"wall_s": round(wall, 2), "peak_tree_rss_mib": round(tree_peak / MIB), "peak_tree_pss_mib": round(pss_peak / MIB),
            "peak_process_rss_mib": round(single_peak / MIB), "peak_parent_rss_mib": round(root_peak / MIB),
            "stdout": "".join(output)}


def _drain(process: subprocess.Popen, output: list[str]):
    """Read the child's stdout in a thread so a full pipe never blocks it."""
    import threading

    thread = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    thread.start()
    return thread


def graphbuilder_command() -> list[str]:
    """The `graphbuilder` command line of this interpreter's installation."""
    return [sys.executable, "-c", "from graphbuilder.cli import app; app()"]
