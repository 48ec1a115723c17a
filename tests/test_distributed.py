"""Dask mode on a real local cluster of worker processes gives the same graph as the local build."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES
from graphbuilder.build import build
from graphbuilder.store import open_store

distributed = pytest.importorskip("distributed", reason="Dask mode needs the dask extra: pip install 'graphbuilder[dask]'")


def quads(store) -> set[str]:
    """Every quad of a store, as N-Quads lines."""
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def test_dask_build_equals_local_build():
    articles = sorted(EXAMPLES.glob("*.txt"))[:3]
    local, remote = open_store(None), open_store(None)
    local_report = build(articles, local)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote_report = build(articles, remote, dask=cluster.scheduler_address, batch_size=2)
    assert remote_report.built == local_report.built == [p.name for p in articles]
    assert not remote_report.skipped
    assert quads(remote) == quads(local)
