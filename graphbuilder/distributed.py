"""Distributed build on Dask (extra `graphbuilder[dask]`): each Dask worker loads the model once, extracts
batches of documents and returns their graphs as N-Quads; the client writes them to the store in input order."""
from __future__ import annotations

import os
from contextlib import ExitStack
from typing import Iterable, Iterator

from .model import Document
from .parallel import IN_FLIGHT_PER_WORKER, OnFailure, extract_batch, in_order


class DaskUnavailable(RuntimeError):
    """Dask mode was asked for but dask/distributed are not installed."""


def connect(scheduler: str, workers: int, stack: ExitStack):  # -> distributed.Client
    """A client of the scheduler at `scheduler`, or of a new local cluster of worker processes for "local"."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DaskUnavailable("--dask needs dask and distributed: pip install 'graphbuilder[dask]'") from error
    if scheduler != "local":
        return stack.enter_context(Client(scheduler))
    # one single-threaded process per core: the parse holds the GIL, so threads would not add throughput
    cluster = stack.enter_context(LocalCluster(n_workers=workers if workers > 1 else os.cpu_count() or 1,
                                               threads_per_worker=1, processes=True, dashboard_address=None))
    return stack.enter_context(Client(cluster))


def dask_graphs(documents: Iterable[Document], scheduler: str, lang: str, workers: int, batch_size: int,
                on_failure: OnFailure) -> Iterator[tuple[str, Iterator]]:
    """Each document's name and graph quads, in input order, extracted on the Dask cluster at `scheduler`."""
    with ExitStack() as stack:
        client = connect(scheduler, workers, stack)
        threads = sum(client.nthreads().values()) or 1
        yield from in_order(lambda batch: client.submit(extract_batch, batch, lang, batch_size, pure=False),
                            documents, batch_size, IN_FLIGHT_PER_WORKER * threads, on_failure)
