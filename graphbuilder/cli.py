"""The `graphbuilder` command line (typer): build, load, export, evaluate, query, stats, remove."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(name="graphbuilder", help=__doc__, no_args_is_help=True, add_completion=False)
console = Console(stderr=True)
DEFAULT_STORE = Path("graph.oxigraph")
QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
StoreOption = typer.Option(DEFAULT_STORE, "--store", "-s", help="Oxigraph store folder.")


def _open(path: Path, read_only: bool = False):
    from .store import StoreError, open_store

    try:
        return open_store(path, read_only=read_only)
    except StoreError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2)


@app.command()
def build(
    inputs: List[Path] = typer.Argument(..., help="Text files, folders of them, or .jsonl files."),
    store: str = typer.Option(str(DEFAULT_STORE), "--store", "-s",
                              help="Oxigraph store folder, or the URL of a SPARQL 1.1 Update endpoint."),
    max_bytes: int = typer.Option(5_000_000, help="Refuse documents larger than this many bytes."),
    strict: bool = typer.Option(False, help="Exit non-zero if any document was skipped."),
    batch_size: int = typer.Option(16, help="Documents per spaCy batch."),
    workers: int = typer.Option(1, min=1, help="Worker processes, each loading the model once (extraction and RDF in parallel)."),
    dask: Optional[str] = typer.Option(None, help="Extract on Dask: 'local' (a local cluster of --workers processes, default one per core) or a scheduler address tcp://HOST:8786."),
) -> None:
    """Extract actors, events and relations from INPUTS into the store (one named graph per document)."""
    from .build import build as run_build
    from .distributed import DaskUnavailable
    from .ingest import read_inputs

    from .store import RemoteStore, StoreError, is_remote

    total = sum(1 for _ in read_inputs(inputs, max_bytes=max_bytes, check_language=False))
    db = RemoteStore(store) if is_remote(store) else _open(Path(store))
    with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, disable=total < 2) as progress:
        task = progress.add_task("", total=total)
        try:
            report = run_build(inputs, db, max_bytes=max_bytes, batch_size=batch_size, workers=workers, dask=dask,
                               on_document=lambda name: progress.update(task, advance=1, description=name))
        except (DaskUnavailable, StoreError) as error:
            console.print(f"[red]error:[/red] {error}")
            raise typer.Exit(2)
    db.flush()
    for name, reason in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {name}: {reason}")
    for name, reason in report.skipped:
        console.print(f"[red]skipped:[/red] {name}: {reason}")
    console.print(f"built {len(report.built)} document(s), skipped {len(report.skipped)} into {store}")
    if not report.built or (strict and report.skipped):
        raise typer.Exit(1)


@app.command()
def load(
    dumps: List[Path] = typer.Argument(..., help="N-Quads (.nq) or TriG (.trig) dumps, e.g. from `graphbuilder export`."),
    store: Path = StoreOption,
    workers: int = typer.Option(2, min=1, help="Threads loading parts of a dump in parallel (one core each)."),
    replace: bool = typer.Option(False, help="Drop and reload documents already in the store (not atomic)."),
) -> None:
    """Bulk-load RDF dumps into the store (documents' graphs as they are, no extraction)."""
    from .load import load_dump
    from .store import StoreError

    db, failed = _open(store), 0
    for dump in dumps:
        try:
            report = load_dump(db, dump, workers=workers, replace=replace)
        except StoreError as error:
            console.print(f"[red]error:[/red] {error}", soft_wrap=True)
            failed += 1
            continue
        console.print(f"loaded {dump.name}: {report.quads:,} quads, {len(report.documents)} document(s)"
                      + (f", {len(report.replaced)} replaced" if report.replaced else ""), soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def export(
    store: Path = StoreOption,
    format: str = typer.Option("json", "--format", "-f",
                               help="json | turtle | trig | ntriples | nquads | jsonld | csv (events) | graphml | gexf (actor network)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
) -> None:
    """Export the store: conflict-kg-export/1 JSON, an RDF serialisation, events CSV or the actor network."""
    from .export import EXPORTERS, RDF_FORMATS, export_json, export_rdf

    db = _open(store, read_only=True)
    if format == "json":
        text = json.dumps(export_json(db), ensure_ascii=False, indent=1)
        out.write_text(text, encoding="utf-8") if out else sys.stdout.write(text + "\n")
    elif format in RDF_FORMATS:
        export_rdf(db, format, out if out else sys.stdout.buffer)
    elif format in EXPORTERS:
        EXPORTERS[format](db, out if out else sys.stdout.buffer)
    else:
        console.print(f"[red]error:[/red] unknown format {format!r}")
        raise typer.Exit(2)


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", "-g", help="Folder of NAME.txt + NAME.gold.json files."),
    store: Path = StoreOption,
    export_file: Optional[Path] = typer.Option(None, "--export", help="Score this export JSON instead of the store."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Score the built graph against gold annotations (FORMAT.md rules)."""
    from .evaluate import evaluate as run_evaluate, render
    from .export import export_json

    data = json.loads(export_file.read_text(encoding="utf-8")) if export_file else export_json(_open(store, read_only=True))
    report = run_evaluate(data, gold)
    if as_json:
        sys.stdout.write(json.dumps(report, indent=1) + "\n")
    else:
        Console().print(render(report))


@app.command()
def query(
    name: str = typer.Argument(..., help="A .rq file, or the name of a query in queries/ (e.g. who_attacked_whom)."),
    store: Path = StoreOption,
    param: List[str] = typer.Option([], "--param", "-p", help="Bind a variable: --param actor=Iran"),
    format: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
) -> None:
    """Run a SPARQL query against the store; parameters are bound as literals, never pasted."""
    from .query import find_query, run_query

    path = find_query(name, QUERIES_DIR)
    if path is None:
        console.print(f"[red]error:[/red] no query {name!r} (see {QUERIES_DIR})")
        raise typer.Exit(2)
    bindings = dict(p.split("=", 1) for p in param)
    variables, rows = run_query(_open(store, read_only=True), path.read_text(encoding="utf-8"), bindings)
    if format == "json":
        sys.stdout.write(json.dumps([dict(zip(variables, r)) for r in rows], ensure_ascii=False, indent=1) + "\n")
    elif format == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(variables)
        writer.writerows(rows)
    else:
        table = Table(*variables, title=path.stem)
        for row in rows:
            table.add_row(*[value or "" for value in row])
        Console().print(table)


@app.command()
def stats(store: Path = StoreOption) -> None:
    """Counts of documents, actors, events and relations, by type."""
    from .query import store_stats

    table = Table("what", "count", title=str(store))
    for what, count in store_stats(_open(store, read_only=True)):
        table.add_row(what, str(count))
    Console().print(table)


@app.command()
def remove(names: List[str] = typer.Argument(..., help="Document names (e.g. article.txt)."), store: Path = StoreOption) -> None:
    """Remove documents' graphs from the store."""
    from .store import remove_document

    db = _open(store)
    for name in names:
        console.print(f"removed {name}" if remove_document(db, name) else f"[yellow]not in store:[/yellow] {name}")
    db.flush()


def _dataset(store: Path):
    """The store's quads as an rdflib Dataset (for pySHACL and owlready2)."""
    import io

    from pyoxigraph import RdfFormat
    from rdflib import Dataset

    data = Dataset()
    buffer = io.BytesIO()
    _open(store, read_only=True).dump(buffer, RdfFormat.N_QUADS)
    data.parse(data=buffer.getvalue(), format="nquads")
    return data


@app.command()
def validate(store: Path = StoreOption) -> None:
    """Check the store against ontology/shapes.ttl (SHACL) and print violations in plain words."""
    from .validate import validate as run_validate

    conforms, messages = run_validate(_dataset(store))
    for line in messages:
        console.print(line)
    console.print("[green]conforms[/green]" if conforms else f"[red]{len(messages)} violation(s)[/red]")
    if not conforms:
        raise typer.Exit(1)


@app.command()
def reason(
    store: Path = StoreOption,
    mode: str = typer.Option("hermit", help="hermit (OWL DL, owlready2 + HermiT) or rules (fast OWL RL-style rules)"),
    write: bool = typer.Option(False, help="Write the inferred triples into the store's inferred graph."),
) -> None:
    """Reason over the store with the ontology: report inconsistencies, optionally store inferences."""
    from .reason import reason as run_reason

    result = run_reason(_dataset(store), mode)
    for line in result.explanation:
        console.print(line)
    console.print(f"consistent: {result.consistent}; inferred triples: {len(result.inferred)}")
    if write and result.consistent:
        from pyoxigraph import Literal as OxLiteral, NamedNode, Quad
        from rdflib import URIRef

        from .store import replace_graph
        from .vocab import INFERRED_GRAPH

        def term(t):
            return NamedNode(str(t)) if isinstance(t, URIRef) else OxLiteral(str(t), datatype=NamedNode(str(t.datatype)) if t.datatype else None, language=t.language)

        graph = NamedNode(str(INFERRED_GRAPH))
        replace_graph(_open(store), str(INFERRED_GRAPH), (Quad(term(s), term(p), term(o), graph) for s, p, o in result.inferred))
    if not result.consistent:
        raise typer.Exit(1)


@app.command()
def viz(
    store: Path = StoreOption,
    out: Path = typer.Option(Path("network.html"), "--out", "-o", help="Interactive offline HTML page."),
    png: Optional[Path] = typer.Option(None, "--png", help="Static drawing (.png, or .svg by the suffix)."),
    gexf: Optional[Path] = typer.Option(None, "--gexf", help="GEXF file for Gephi."),
    graphml: Optional[Path] = typer.Option(None, "--graphml", help="GraphML file for Cytoscape/yEd."),
    timeline: Optional[Path] = typer.Option(None, "--timeline", help="PNG of events per actor over time."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only this actor's network (name or alias)."),
    depth: int = typer.Option(1, "--depth", help="Hops around --actor."),
    since: Optional[str] = typer.Option(None, "--since", help="Evidence dated on or after (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Evidence dated on or before (YYYY[-MM[-DD]])."),
    predicate: List[str] = typer.Option([], "--predicate", "-p", help="Only these relations (repeat; stationedIn only when named)."),
    min_weight: int = typer.Option(1, "--min-weight", help="Only relations with at least this many evidence items."),
    document: Optional[str] = typer.Option(None, "--document", help="Only what this document (NAME.txt) says."),
    title: str = typer.Option("Actor network", "--title", help="Title of the page and drawing."),
) -> None:
    """Draw the actor network: an offline interactive HTML page, plus PNG/SVG, GEXF, GraphML, timeline."""
    from .network import RELATIONS, Filters, actor_network
    from .viz import render_html, render_image, render_timeline, write_gexf, write_graphml

    try:
        filters = Filters(actor=actor, depth=depth, since=since, until=until, min_weight=min_weight,
                          predicates=tuple(predicate) or RELATIONS, document=document)
        graph = actor_network(_open(store, read_only=True), filters)
    except (ValueError, LookupError) as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2)
    render_html(graph, out, title)
    if png:
        render_image(graph, png, title)
    if timeline:
        render_timeline(graph, timeline)
    if gexf:
        write_gexf(graph, gexf)
    if graphml:
        write_graphml(graph, graphml)
    console.print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} relations → "
                  + ", ".join(str(p) for p in (out, png, timeline, gexf, graphml) if p))


@app.command()
def serve(
    store: Path = StoreOption,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(7878, help="Port (0: any free port)."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL UPDATE (read-only without it)."),
    timeout: float = typer.Option(30.0, help="Seconds after which a query is stopped (503)."),
    max_results: int = typer.Option(100_000, help="Refuse results with more rows or triples than this."),
    max_request_bytes: int = typer.Option(1_000_000, help="Refuse larger requests (413)."),
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint at http://HOST:PORT/sparql (union default graph)."""
    from .serve import ServeOptions, make_server, serve_forever

    if not allow_update and not store.is_dir():
        console.print(f"[red]error:[/red] no store at {store}")
        raise typer.Exit(2)
    options = ServeOptions(store=store, host=host, port=port, allow_update=allow_update, timeout=timeout,
                           max_results=max_results, max_request_bytes=max_request_bytes)
    try:
        server, endpoint = make_server(options)
    except (RuntimeError, OSError) as error:
        console.print(f"[red]error:[/red] cannot serve {store} on {host}:{port}: {error}")
        raise typer.Exit(2)
    bound_host, bound_port = server.server_address[:2]
    console.print(f"SPARQL endpoint http://{bound_host}:{bound_port}/sparql "
                  f"({'read-write' if allow_update else 'read-only'}, timeout {timeout:g} s, "
                  f"at most {max_results} results); Ctrl-C stops it", soft_wrap=True)
    serve_forever(server, endpoint)


@app.command()
def push(
    endpoint: str = typer.Option(..., "--endpoint", "-e", help="Graph Store Protocol URL, e.g. http://localhost:7878/store"),
    store: Path = StoreOption,
) -> None:
    """Send every named graph of the store to a triple store (SPARQL 1.1 Graph Store Protocol PUT per graph)."""
    from .push import PushError, push as run_push

    try:
        for name, triples in run_push(_open(store, read_only=True), endpoint):
            console.print(f"sent {name}: {triples} triples", soft_wrap=True)
    except PushError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1)
