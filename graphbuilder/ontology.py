"""The graphbuilder ontology: file locations, loading, and the generated Markdown reference.

The Turtle files under ``ontology/`` are the source of truth. ``ontology/README.md`` is generated
from them by :func:`write_docs` (run ``python -m graphbuilder.ontology``), so that the page never
drifts from the ontology.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .vocab import CKG, DCT, ITSRDF, NIF, PROV, SEM, SKOS

__all__ = [
    "ONTOLOGY_IRI",
    "bind_prefixes",
    "codes_paths",
    "event_codes_path",
    "load_codes_graph",
    "load_ontology_graph",
    "ontology_dir",
    "ontology_path",
    "render_docs",
    "shapes_path",
    "write_docs",
]

ONTOLOGY_IRI = URIRef(str(CKG)[:-1])
SHAPES_NS = "https://w3id.org/graphbuilder/shapes#"

PREFIXES = {
    "ckg": CKG,
    "sem": SEM,
    "prov": PROV,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "skos": SKOS,
    "dct": DCT,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


def ontology_dir() -> Path:
    """Directory holding graphbuilder.ttl, shapes.ttl and codes/ (repository checkout layout)."""
    return Path(__file__).resolve().parent.parent / "ontology"


def ontology_path() -> Path:
    """Path of the OWL ontology in Turtle, ``ontology/graphbuilder.ttl``."""
    return ontology_dir() / "graphbuilder.ttl"


def shapes_path() -> Path:
    """Path of the SHACL shapes, ``ontology/shapes.ttl``."""
    return ontology_dir() / "shapes.ttl"


def codes_paths() -> list[Path]:
    """Paths of the CAMEO and PLOVER SKOS code lists."""
    return [ontology_dir() / "codes" / "cameo.ttl", ontology_dir() / "codes" / "plover.ttl"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the usual prefixes (ckg, sem, prov, nif, ...) on `graph` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def load_codes_graph() -> Graph:
    """The CAMEO and PLOVER concept schemes as one graph."""
    graph = bind_prefixes(Graph())
    for path in codes_paths():
        graph.parse(path, format="turtle")
    return graph


def load_ontology_graph(*, codes: bool = True) -> Graph:
    """The ontology (and, unless `codes` is false, the CAMEO/PLOVER code lists) as one graph."""
    graph = bind_prefixes(Graph())
    graph.parse(ontology_path(), format="turtle")
    if codes:
        for path in codes_paths():
            graph.parse(path, format="turtle")
    return graph


# --- Markdown reference ---------------------------------------------------------------------


def _curie(graph: Graph, term: URIRef) -> str:
    try:
        return graph.namespace_manager.curie(term, generate=False)
    except (ValueError, KeyError):
        return f"<{term}>"


def _class_expr(graph: Graph, node: URIRef | BNode) -> str:
    """A class or a class union, in words: `ckg:Actor or ckg:Location`."""
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return " or ".join(_code(graph, m) for m in Collection(graph, union))
        return "(anonymous class)"
    return _code(graph, node)


def _code(graph: Graph, term: URIRef | BNode) -> str:
    return f"`{_curie(graph, term)}`" if isinstance(term, URIRef) else _class_expr(graph, term)


def _label(graph: Graph, term: URIRef, lang: str) -> str:
    for label in graph.objects(term, RDFS.label):
        if isinstance(label, Literal) and label.language == lang:
            return str(label)
    return ""


def _text(graph: Graph, term: URIRef, predicate: URIRef, lang: str = "en") -> str:
    values = [v for v in graph.objects(term, predicate) if isinstance(v, Literal)]
    for value in values:
        if value.language == lang:
            return " ".join(str(value).split())
    return " ".join(str(values[0]).split()) if values else ""


def _join(graph: Graph, terms: Iterable[URIRef | BNode]) -> str:
    return ", ".join(sorted(_class_expr(graph, t) for t in terms)) or "—"


def _entities(graph: Graph, kind: URIRef, own: bool) -> list[URIRef]:
    found = [s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)]
    found = [s for s in found if str(s).startswith(str(CKG)) == own]
    return sorted(set(found), key=lambda t: _curie(graph, t).lower())


def _disjoint(graph: Graph, cls: URIRef) -> set[URIRef]:
    result = set(graph.objects(cls, OWL.disjointWith)) | set(graph.subjects(OWL.disjointWith, cls))
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(graph, graph.value(group, OWL.members)))
        if cls in members:
            result.update(m for m in members if m != cls)
    return {c for c in result if isinstance(c, URIRef)}


def _class_section(graph: Graph, cls: URIRef) -> list[str]:
    lines = [f"### {_curie(graph, cls)}", ""]
    lines.append(f"*{_label(graph, cls, 'en')}* — *{_label(graph, cls, 'fr')}*")
    lines.append("")
    lines.append(_text(graph, cls, RDFS.comment))
    lines.append("")
    supers = [o for o in graph.objects(cls, RDFS.subClassOf)]
    subs = [s for s in graph.subjects(RDFS.subClassOf, cls) if isinstance(s, URIRef)]
    lines.append(f"- Subclass of: {_join(graph, supers)}")
    if subs:
        lines.append(f"- Subclasses: {_join(graph, subs)}")
    disjoint = _disjoint(graph, cls)
    if disjoint:
        lines.append(f"- Disjoint with: {_join(graph, disjoint)}")
    matches = []
    for predicate in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch):
        targets = sorted(_curie(graph, o) for o in graph.objects(cls, predicate))
        if targets:
            matches.append(f"{_curie(graph, predicate)} " + ", ".join(f"`{t}`" for t in targets))
    if matches:
        lines.append(f"- Code mappings: {'; '.join(matches)}")
    lines.append("")
    return lines


def _property_section(graph: Graph, prop: URIRef) -> list[str]:
    kinds = []
    for kind, word in (
        (OWL.ObjectProperty, "object property"),
        (OWL.DatatypeProperty, "datatype property"),
        (OWL.TransitiveProperty, "transitive"),
        (OWL.SymmetricProperty, "symmetric"),
        (OWL.FunctionalProperty, "functional"),
    ):
        if (prop, RDF.type, kind) in graph:
            kinds.append(word)
    lines = [f"### {_curie(graph, prop)}", ""]
    lines.append(f"*{_label(graph, prop, 'en')}* — *{_label(graph, prop, 'fr')}* ({', '.join(kinds)})")
    lines.append("")
    lines.append(_text(graph, prop, RDFS.comment))
    lines.append("")
    lines.append(f"- Domain: {_join(graph, graph.objects(prop, RDFS.domain))}")
    lines.append(f"- Range: {_join(graph, graph.objects(prop, RDFS.range))}")
    supers = list(graph.objects(prop, RDFS.subPropertyOf))
    if supers:
        lines.append(f"- Sub-property of: {_join(graph, supers)}")
    subs = [s for s in graph.subjects(RDFS.subPropertyOf, prop) if isinstance(s, URIRef)]
    if subs:
        lines.append(f"- Sub-properties: {_join(graph, subs)}")
    inverses = set(graph.objects(prop, OWL.inverseOf)) | set(graph.subjects(OWL.inverseOf, prop))
    if inverses:
        lines.append(f"- Inverse: {_join(graph, inverses)}")
    lines.append("")
    return lines


def _reused_table(graph: Graph) -> list[str]:
    lines = ["| Term | Kind | Label (en) | Label (fr) | Use here |", "|---|---|---|---|---|"]
    kinds = ((OWL.Class, "class"), (OWL.ObjectProperty, "object property"), (OWL.DatatypeProperty, "datatype property"))
    for kind, word in kinds:
        for term in _entities(graph, kind, own=False):
            lines.append(
                f"| `{_curie(graph, term)}` | {word} | {_label(graph, term, 'en')} | {_label(graph, term, 'fr')} "
                f"| {_text(graph, term, RDFS.comment)} |"
            )
    annotations = ", ".join(f"`{_curie(graph, t)}`" for t in _entities(graph, OWL.AnnotationProperty, own=False))
    return lines + ["", f"Declared as annotation properties (OWL 2 DL): {annotations}.", ""]


def _codes_section(codes: Graph) -> list[str]:
    lines = []
    for scheme in sorted(codes.subjects(RDF.type, SKOS.ConceptScheme)):
        concepts = list(codes.subjects(SKOS.inScheme, scheme))
        tops = sorted(
            (str(codes.value(c, SKOS.notation)), c) for c in codes.subjects(SKOS.topConceptOf, scheme)
        )
        label = _text(codes, scheme, SKOS.prefLabel)
        lines.append(f"### {_curie(codes, scheme)}: {label} ({len(concepts)} concepts)")
        lines.append("")
        lines.append(_text(codes, scheme, RDFS.comment))
        lines.append("")
        lines.append("Top concepts: " + ", ".join(f"`{n}` {_text(codes, c, SKOS.prefLabel)}" for n, c in tops) + ".")
        lines.append("")
    return lines


def event_codes_path() -> Path:
    """Path of the table of CAMEO/PLOVER codes written for each event or statement class."""
    return Path(__file__).resolve().parent / "data" / "event_codes.json"


def _event_codes_section(codes: Graph) -> list[str]:
    table = json.loads(event_codes_path().read_text(encoding="utf-8"))
    lines = [
        "### Codes written by the builder",
        "",
        "From `graphbuilder/data/event_codes.json`: `ckg:cameoCode` and `ckg:ploverCode` of each node type.",
        "",
        "| Class | CAMEO | PLOVER |",
        "|---|---|---|",
    ]
    for name, entry in table.items():
        cells = []
        for scheme, key in (("cameo", "cameo"), ("plover", "plover")):
            code = entry.get(key)
            if code is None:
                cells.append("— (no equivalent)")
                continue
            concept = CKG[f"{scheme}-{code}"]
            cells.append(f"`{code}` {_text(codes, concept, SKOS.prefLabel)}")
        lines.append(f"| `ckg:{name}` | {cells[0]} | {cells[1]} |")
    return lines + [""]


def render_docs(graph: Graph | None = None, codes: Graph | None = None) -> str:
    """The Markdown reference of the ontology (`graph`) and the code lists (`codes`)."""
    graph = bind_prefixes(graph if graph is not None else load_ontology_graph(codes=False))
    codes = bind_prefixes(codes if codes is not None else load_codes_graph())
    onto = ONTOLOGY_IRI
    title = _text(graph, onto, DCT.title)
    lines = [
        f"# {title}",
        "",
        "<!-- Generated from ontology/graphbuilder.ttl and ontology/codes/*.ttl by "
        "`python -m graphbuilder.ontology`; do not edit by hand. -->",
        "",
        f"- Ontology IRI: `{onto}`",
        f"- Version IRI: `{graph.value(onto, OWL.versionIRI)}`",
        f"- Licence: {graph.value(onto, DCT.license)}",
        "- Namespace: `ckg:` = `" + str(CKG) + "`",
        "- Files: `graphbuilder.ttl` (OWL 2 DL ontology), `codes/cameo.ttl` and `codes/plover.ttl` "
        "(SKOS code lists), `shapes.ttl` (SHACL shapes), `ALIGNMENT.md` (alignment notes).",
        "",
        _text(graph, onto, DCT.description),
        "",
        "## Classes",
        "",
    ]
    for cls in _entities(graph, OWL.Class, own=True):
        lines += _class_section(graph, cls)
    lines += ["## Object properties", ""]
    for prop in _entities(graph, OWL.ObjectProperty, own=True):
        lines += _property_section(graph, prop)
    lines += ["## Datatype properties", ""]
    for prop in _entities(graph, OWL.DatatypeProperty, own=True):
        lines += _property_section(graph, prop)
    lines += ["## Reused terms", ""]
    lines += _reused_table(graph)
    lines += ["## Code lists", ""]
    lines += _codes_section(codes)
    lines += _event_codes_section(codes)
    return "\n".join(lines).rstrip() + "\n"


def write_docs(out: Path | None = None) -> Path:
    """Write the Markdown reference to `out` (default ``ontology/README.md``) and return the path."""
    out = Path(out) if out is not None else ontology_dir() / "README.md"
    out.write_text(render_docs(), encoding="utf-8")
    return out


if __name__ == "__main__":  # pragma: no cover - `python -m graphbuilder.ontology [OUT]`
    print(write_docs(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
