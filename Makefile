.PHONY: install test demo dev-scores heldout-scores probe-scores docs

install:
	python -m pip install -e '.[test]'

test:
	python -m pytest

demo:
	rm -rf examples/demo.oxigraph
	graphbuilder build examples/articles --store examples/demo.oxigraph
	graphbuilder export --store examples/demo.oxigraph --format json --out examples/demo.json
	graphbuilder export --store examples/demo.oxigraph --format turtle --out examples/demo.ttl
	graphbuilder export --store examples/demo.oxigraph --format csv --out examples/demo-events.csv
	graphbuilder viz --store examples/demo.oxigraph --out examples/network.html --png examples/network.png

dev-scores:
	rm -rf /tmp/dev.oxigraph
	graphbuilder build ../shared/corpus/dev --store /tmp/dev.oxigraph
	graphbuilder evaluate --gold ../shared/corpus/dev --store /tmp/dev.oxigraph

heldout-scores:
	for set in heldout-1 heldout-2 heldout-3 heldout-4 heldout-5 heldout-6; do \
		rm -rf /tmp/$$set.oxigraph; \
		graphbuilder build eval/$$set --store /tmp/$$set.oxigraph; \
		graphbuilder evaluate --gold eval/$$set --store /tmp/$$set.oxigraph; \
	done

probe-scores:
	for set in probe-a probe-b probe-c probe-d probe-e probe-f probe-g probe-h; do \
		rm -rf /tmp/$$set.oxigraph; \
		graphbuilder build eval/$$set --store /tmp/$$set.oxigraph; \
		graphbuilder evaluate --gold eval/$$set --store /tmp/$$set.oxigraph; \
	done
