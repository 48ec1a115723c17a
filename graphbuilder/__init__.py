"""graphbuilder: French conflict news → a knowledge graph of actors and events, with provenance, in RDF."""

__version__ = "0.1.0"
