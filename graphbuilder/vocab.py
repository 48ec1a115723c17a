"""Namespaces and IRI minting shared by RDF generation, export and queries."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import Namespace

BASE = "https://w3id.org/graphbuilder/"
CKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
WD = Namespace("http://www.wikidata.org/entity/")
DCT = Namespace("http://purl.org/dc/terms/")

ACTORS_GRAPH = ID["graph/actors"]
INFERRED_GRAPH = ID["graph/inferred"]
NAMES_GRAPH = ID["graph/names"]  # every actor's ckg:labelKey, once: only ever added to, never replaced


def slug(text: str) -> str:
    """Lower-case ASCII slug of `text` (accents dropped, runs of other characters become '-')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


@lru_cache(maxsize=1 << 14)
def segment(text: str) -> str:
    """`text` as one IRI path segment: every reserved or non-ASCII character percent-encoded.

    A final "." is encoded too, so "." and ".." never become dot segments and no prefixed
    name in Turtle ends with a dot.
    """
    quoted = quote(text, safe="")
    return quoted[:-1] + "%2E" if quoted.endswith(".") else quoted


def actor_iri(key: str) -> str:
    """IRI of an actor or location from its stable key."""
    return f"{ID}actor/{segment(key)}"


def document_iri(name: str) -> str:
    """IRI of a document (and of its named graph) from its name."""
    return f"{ID}doc/{segment(name)}"


def span_iri(name: str, start: int, end: int) -> str:
    """NIF RFC 5147 IRI of a character span of a document."""
    return f"{document_iri(name)}#char={start},{end}"
