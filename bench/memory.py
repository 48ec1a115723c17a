"""Memory benchmark: peak RSS of `graphbuilder build --workers 2` on the benchmark corpus repeated 1, 4
and 16 times (each repetition a JSONL file with renamed documents), to show that memory does not grow
with the corpus. Peak RSS is that of the whole process tree (parent and workers), sampled every 50 ms.
Writes bench/results/memory.json.

    python bench/memory.py [--limit N] [--scale 1 4 16] [--workers 2]
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from measure import CORPUS, RESULTS, graphbuilder_command, machine, run


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--limit", type=int, help="only the first N documents of the corpus, repeated")
    args.add_argument("--scale", type=int, nargs="+", default=[1, 4, 16], help="repetitions of the corpus")
    args.add_argument("--workers", type=int, default=2)
    args = args.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[: args.limit]
    command = "python bench/memory.py" + (f" --limit {args.limit}" if args.limit else "") + \
        f" --scale {' '.join(map(str, args.scale))} --workers {args.workers}"
    result = {"machine": machine(), "command": command, "corpus_documents": len(files), "runs": []}
    for scale in args.scale:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            for copy in range(scale):
                with (corpus / f"copy{copy:02d}.jsonl").open("w", encoding="utf-8") as out:
                    for path in files:
                        record = {"id": f"copy{copy:02d}-{path.name}", "text": path.read_text(encoding="utf-8")}
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
            measured = run([*graphbuilder_command(), "build", str(corpus), "--store", str(Path(tmp) / "store"),
                            "--workers", str(args.workers)])
        measured.pop("stdout")
        measured.update(scale=scale, documents=scale * len(files), docs_per_s=round(scale * len(files) / measured["wall_s"], 2))
        result["runs"].append(measured)
        print(f"{scale:3}x ({measured['documents']:,} documents): peak RSS {measured['peak_tree_rss_mib']:,} MiB, "
              f"PSS {measured['peak_tree_pss_mib']:,} MiB (largest process {measured['peak_process_rss_mib']:,} MiB), {measured['wall_s']:.0f} s, "
              f"{measured['docs_per_s']} docs/s", flush=True)
    first, last = result["runs"][0], result["runs"][-1]
    result["growth"] = round(last["peak_tree_rss_mib"] / first["peak_tree_rss_mib"], 2)
    print(f"peak RSS at {last['scale']}x / at {first['scale']}x = {result['growth']:.2f} (target: flat, under 2 GiB)")
    name = "memory.json" if args.limit is None else f"memory-limit{args.limit}.json"
    (RESULTS / name).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
