"""Multi-process build: worker processes give the same graph as the in-process build, in bounded memory."""
from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import ThreadPoolExecutor

from conftest import EXAMPLES
from graphbuilder.build import build
from graphbuilder.model import Document
from graphbuilder.parallel import in_order
from graphbuilder.store import open_store


def quads(store) -> set[str]:
    """Every quad of a store, as N-Quads lines."""
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def test_two_workers_build_the_same_graph_and_report_the_same_skips(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    inputs = [EXAMPLES, bad]
    local, parallel = open_store(None), open_store(None)
    local_report = build(inputs, local)
    built = []
    parallel_report = build(inputs, parallel, workers=2, batch_size=1, on_document=built.append)
    assert parallel_report.built == built == local_report.built == sorted(p.name for p in EXAMPLES.glob("*.txt"))
    assert parallel_report.skipped == local_report.skipped and parallel_report.skipped[0][0] == "empty.txt"
    assert quads(parallel) == quads(local)


def test_a_worker_killed_mid_build_is_replaced_and_every_document_is_built():
    local, parallel = open_store(None), open_store(None)
    local_report = build([EXAMPLES], local)
    killed = []

    def kill_a_worker(name: str) -> None:  # after the first document is stored, a worker dies (SIGKILL)
        if not killed:
            worker = multiprocessing.active_children()[0]
            os.kill(worker.pid, signal.SIGKILL)
            killed.append(worker.pid)

    report = build([EXAMPLES], parallel, workers=2, batch_size=1, on_document=kill_a_worker)
    assert killed and report.built == local_report.built and not report.skipped
    assert quads(parallel) == quads(local)


def test_results_stream_in_input_order_with_a_bounded_window():
    pulled, yielded = [], []
    documents = (pulled.append(i) or Document(name=f"d{i}.txt", text="x") for i in range(40))

    def outcomes(batch):  # what a worker returns: one N-Quads graph or one failure per document
        return [(d.name, f"<urn:{d.name}> <urn:p> <urn:o> <urn:g> .\n".encode(), None) if int(d.name[1:-4]) % 7
                else (d.name, None, "extraction failed: test") for d in batch]

    failed = []
    with ThreadPoolExecutor(2) as pool:
        for name, graph in in_order(lambda b: pool.submit(outcomes, b), documents, batch_size=3, in_flight=4,
                                    on_failure=lambda n, r: failed.append(n)):
            assert len(pulled) - len(yielded) - len(failed) <= 4 * 3  # never more than the window ahead
            yielded.append(name)
            assert [str(q.subject) for q in graph] == [f"<urn:{name}>"]
    assert failed == [f"d{i}.txt" for i in range(0, 40, 7)]
    assert yielded == [f"d{i}.txt" for i in range(40) if i % 7]
