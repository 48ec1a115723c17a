#!/usr/bin/env python3
"""Sanity checks for the probe-h gold files (conflict-kg-gold/1)."""
import json, re, sys, unicodedata
from pathlib import Path

ENTITY_TYPES = {"Person", "State", "MilitaryForce", "ArmedGroup", "Coalition",
                "Organization", "Media", "Facility", "Place"}
EVENT_TYPES = {"Attack", "Retaliation", "Threat"}
PREDICATES = {"attacked", "killed", "retaliatedAgainst", "blamed", "claimedResponsibility",
              "threatened", "partOf", "memberOf", "supportedBy", "ledBy", "affiliatedWith",
              "stationedIn"}
ROLE_FIELDS = ["place", "attacker", "target", "victims", "attributed_to", "attributed_by", "claimed_by"]
EVENT_KEYS = ["id", "type", "required", "date", "place", "attacker", "target", "victims", "weapon",
              "fatalities", "attributed_to", "attributed_by", "claimed_by", "responds_to", "mentions"]
MONTHS = {m: i + 1 for i, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "août", "septembre", "octobre", "novembre", "décembre"])}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    s = re.sub(r"^(l'|d'|(le|la|les|un|une|des|du|de|the|a|an)\s+)", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()

def check_date(v):
    if v is None:
        return True
    if isinstance(v, list):
        return all(check_date(x) for x in v)
    return all(DATE_RE.match(p) for p in v.split("/"))

def fillers(role):
    for f in role or []:
        if isinstance(f, list):
            yield from f
        else:
            yield f

def check(gold_path):
    errs, warns = [], []
    txt_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    try:
        g = json.loads(gold_path.read_text(encoding="utf-8"))
    except Exception as e:
        return [f"JSON parse error: {e}"], warns
    if not txt_path.exists():
        return [f"missing text file {txt_path.name}"], warns
    text = txt_path.read_text(encoding="utf-8")
    if g.get("schema") != "conflict-kg-gold/1":
        errs.append("bad schema")
    if g.get("document") != txt_path.name:
        errs.append(f"document {g.get('document')!r} != {txt_path.name!r}")
    if g.get("language") != "fr":
        errs.append("language != fr")
    # layout: title, blank line, dateline; published == dateline date
    lines = text.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1] != "" or text.startswith(" date"):
        errs.append("layout: expected title line, blank line, dateline (no date header)")
    m = re.match(r"^(\d{1,2})(?:er)? (\w+) (\d{4}) ?\. \u2013", lines[2] if len(lines) > 2 else "")
    if not m:
        errs.append(f"dateline not recognised: {lines[2][:40]!r}")
    else:
        d = f"{m.group(3)}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
        if g.get("published") != d:
            errs.append(f"published {g.get('published')} != dateline {d}")
    n_words = len(text.split())
    if not 150 <= n_words <= 350:
        errs.append(f"word count {n_words} outside 150-350")
    ents = g.get("entities", [])
    ids = [e["id"] for e in ents]
    if len(ids) != len(set(ids)):
        errs.append("duplicate entity ids")
    ent_ids = set(ids)
    alias_owner = {}
    for e in ents:
        if e.get("type") not in ENTITY_TYPES:
            errs.append(f"entity {e['id']}: bad type {e.get('type')}")
        if not e.get("label") or not isinstance(e.get("aliases"), list) or not e["aliases"]:
            errs.append(f"entity {e['id']}: missing label/aliases")
        for a in e.get("aliases", []) + [e.get("label", "")]:
            k = norm(a)
            if k in alias_owner and alias_owner[k] != e["id"]:
                warns.append(f"alias {a!r} ({k!r}) shared by {alias_owner[k]} and {e['id']}")
            alias_owner.setdefault(k, e["id"])
    evs = g.get("events", [])
    ev_ids = {ev["id"] for ev in evs}
    for ev in evs:
        eid = ev.get("id")
        for k in EVENT_KEYS:
            if k not in ev:
                errs.append(f"event {eid}: missing key {k}")
        if ev.get("type") not in EVENT_TYPES:
            errs.append(f"event {eid}: bad type {ev.get('type')}")
        if not isinstance(ev.get("required"), bool):
            errs.append(f"event {eid}: required not bool")
        if not check_date(ev.get("date")):
            errs.append(f"event {eid}: bad date {ev.get('date')}")
        for r in ROLE_FIELDS + ["optional_" + r for r in ROLE_FIELDS]:
            for f in fillers(ev.get(r)):
                if f not in ent_ids:
                    errs.append(f"event {eid}: {r} references undefined entity {f!r}")
        rt = ev.get("responds_to")
        if rt is not None and rt not in ev_ids:
            errs.append(f"event {eid}: responds_to undefined event {rt!r}")
        if ev.get("type") == "Retaliation" and not rt:
            warns.append(f"event {eid}: Retaliation without responds_to")
        if not ev.get("mentions"):
            errs.append(f"event {eid}: no mentions")
        for mtn in ev.get("mentions", []):
            if mtn not in text:
                errs.append(f"event {eid}: mention not in text: {mtn!r}")
    spans = []
    for ev in evs:
        for mtn in ev.get("mentions", []):
            if text.count(mtn) > 1:
                warns.append(f"event {ev.get('id')}: mention occurs {text.count(mtn)} times: {mtn!r}")
            i0 = text.find(mtn)
            if i0 >= 0:
                spans.append((i0, i0 + len(mtn), ev.get("id")))
    for a in spans:
        for b in spans:
            if a[2] < b[2] and a[0] < b[1] and b[0] < a[1]:
                warns.append(f"mentions of {a[2]} and {b[2]} overlap: {text[max(a[0], b[0]):min(a[1], b[1])]!r}")
    for i, r in enumerate(g.get("relations", [])):
        tag = f"relation {i} ({r.get('subject')} {r.get('predicate')})"
        if r.get("predicate") not in PREDICATES:
            errs.append(f"{tag}: bad predicate")
        if r.get("subject") not in ent_ids:
            errs.append(f"{tag}: undefined subject")
        if not isinstance(r.get("object"), list) or not r["object"]:
            errs.append(f"{tag}: object must be a non-empty list")
        for o in r.get("object", []):
            if o not in ent_ids:
                errs.append(f"{tag}: undefined object {o!r}")
        if not isinstance(r.get("required"), bool):
            errs.append(f"{tag}: required not bool")
        if r.get("evidence") not in text:
            errs.append(f"{tag}: evidence not in text: {r.get('evidence')!r}")
    return errs, warns

def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    golds = sorted(root.glob("*.gold.json"))
    txts = sorted(root.glob("*.txt"))
    total = 0
    for t in txts:
        if not t.with_name(t.name[:-4] + ".gold.json").exists():
            print(f"{t.name}: no gold file"); total += 1
    for gp in golds:
        errs, warns = check(gp)
        g = json.loads(gp.read_text(encoding="utf-8")) if not errs or "JSON" not in errs[0] else {}
        summary = (f"{len(g.get('entities', []))} entities, {len(g.get('events', []))} events, "
                   f"{len(g.get('relations', []))} relations") if g else ""
        print(f"{gp.name}: {'OK' if not errs else 'FAIL'} {summary}")
        for e in errs:
            print("  ERROR", e)
        for w in warns:
            print("  warn ", w)
        total += len(errs)
    print(f"{len(golds)} gold files checked, {total} errors")
    sys.exit(1 if total else 0)

if __name__ == "__main__":
    main()
