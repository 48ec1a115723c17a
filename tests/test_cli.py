"""The command line end to end: build, export, load, evaluate, query, stats, validate, remove."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from conftest import DEV, EXAMPLES
from graphbuilder.cli import app

runner = CliRunner()


def test_cli_build_export_evaluate_query(tmp_path):
    store = str(tmp_path / "s.oxigraph")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01")
    result = runner.invoke(app, ["build", str(EXAMPLES / "000_ffb251c5abeb50dd.txt"), str(bad), "--store", store])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output and "built 1 document" in result.output
    out = tmp_path / "export.json"
    assert runner.invoke(app, ["export", "--store", store, "--format", "json", "--out", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["name"] for d in data["documents"]] == ["000_ffb251c5abeb50dd.txt"]
    result = runner.invoke(app, ["evaluate", "--gold", str(DEV), "--export", str(out), "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["documents"] == len(list(DEV.glob("*.gold.json")))
    result = runner.invoke(app, ["query", "blame", "--store", store, "--format", "csv"])
    assert result.exit_code == 0 and "United States" in result.output
    assert "documents" in runner.invoke(app, ["stats", "--store", store]).output
    result = runner.invoke(app, ["validate", "--store", store])
    assert result.exit_code == 0, result.output
    dump = tmp_path / "dump.nq"
    assert runner.invoke(app, ["export", "--store", store, "--format", "nquads", "--out", str(dump)]).exit_code == 0
    copy = str(tmp_path / "copy.oxigraph")
    result = runner.invoke(app, ["load", str(dump), str(tmp_path / "missing.nq"), "--store", copy])
    assert result.exit_code == 1 and "loaded dump.nq" in result.output and "missing.nq" in result.output
    assert "United States" in runner.invoke(app, ["query", "blame", "--store", copy, "--format", "csv"]).output
    assert runner.invoke(app, ["remove", "000_ffb251c5abeb50dd.txt", "--store", store]).exit_code == 0


def test_cli_build_fails_when_nothing_is_built(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(tmp_path / "empty.txt"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "empty.txt" in result.output
