"""The claims ledger across articles: groups of claims about one proposition, their status,
an Admiralty grade per claim and a track record per source.

Rules (run by ``rebuild_ledger(store)`` after the readers; every run recomputes from scratch):

1. **Same proposition.** Each claim's content is reduced to content words (lower case, stop
   words and numbers left out, a trailing plural "s" cut). Two claims are about the same
   proposition when the TF-IDF cosine of their words is at least ``SAME_PROPOSITION`` (0.45),
   their documents are at most ``SAME_DAYS`` (3) days apart, and, when both name actors or places
   (capitalised words), they share one; groups are the connected components (single link).
2. **Polarity and numbers.** A claim is negative when its content holds a negation ("no", "not",
   "never", "n't", "without", "none") or its verb denies ("denied that S"); two claims in a group
   *conflict* when they are close (cosine ≥ ``CONFLICT_SIMILARITY``, 0.6: a chain of single
   links is no evidence) and their polarity differs, or both state numbers and none agree within 10%.
3. **Independent sources.** A claim's source is its document's outlet (or the document, when the
   outlet is unknown); a document with ``duplicate_of`` set counts as its original, so a cross-post
   never corroborates itself. An outlet carrying a source and the source it carries (same document)
   are one source.
4. **Status of a group**: ``contradicted`` when any two of its claims conflict; else
   ``corroborated`` when it has claims from two or more independent sources; else ``single-source``.
5. **Credibility** (Admiralty 1–6) per claim: 1 confirmed (corroborated by two or more other
   independent sources), 2 probably true (by one), 3 possibly true (single source), 5 improbable
   (contradicted), 6 cannot be judged (the author's own opinion or a claim with no content words).
6. **Reliability** (A–F) per speaker, from the track record of the speaker's claims in judged
   groups (corroborated or contradicted): with fewer than 2 judged claims F (cannot be judged —
   so an anonymous source with no record is F); else by the share corroborated: ≥ 0.9 A,
   ≥ 0.75 B, ≥ 0.6 C, ≥ 0.4 D, below E. The grade of a claim is reliability + credibility ("C2").
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from ..store import Store, schema

SAME_PROPOSITION = 0.45
CONFLICT_SIMILARITY = 0.5
SAME_DAYS = 3
NUMBER_TOLERANCE = 0.10
NEGATIONS = {"no", "not", "never", "none", "nobody", "nothing", "without", "neither", "nor", "n't", "cannot"}
DENYING = {"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "refuted"}
STOP = set("""a an the and or but if of in on at to for from by with as is are was were be been being has have had
do does did will would shall should can could may might must that this these those it its they their them he his
she her we our you your i my me there here which who whom whose what when where why how than then so such also
very more most some any all about into over under after before during since until while said says say told
according""".split())
WORD = re.compile(r"[a-z][a-z'-]+")


@dataclass
class Record:
    """One source's track record, as ``detente sources`` lists it."""

    speaker: str
    kind: str
    claims: int
    corroborated: int
    contradicted: int
    grade: str

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "kind": self.kind, "claims": self.claims,
                "corroborated": self.corroborated, "contradicted": self.contradicted, "grade": self.grade}


def words(text: str) -> list[str]:
    """Content words of a claim's content, crudely singularised."""
    out = []
    for w in WORD.findall(text.lower().replace("’", "'")):
        w = w.strip("'-")
        if w in STOP or w in NEGATIONS or len(w) < 3:
            continue
        out.append(w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w)
    return out


def negative(text: str, cue: str) -> bool:
    lowered = text.lower().replace("’", "'")
    tokens = set(re.findall(r"[a-z]+|n't", lowered))
    return bool(tokens & NEGATIONS) != (cue.lower() in DENYING)


def numbers_conflict(a: list[float], b: list[float]) -> bool:
    if not a or not b:
        return False
    return not any(abs(x - y) <= NUMBER_TOLERANCE * max(abs(x), abs(y), 1e-9) for x in a for y in b)


def reliability(corroborated: int, contradicted: int) -> str:
    judged = corroborated + contradicted
    if judged < 2:
        return "F"
    share = corroborated / judged
    for letter, floor in (("A", 0.9), ("B", 0.75), ("C", 0.6), ("D", 0.4)):
        if share >= floor:
            return letter
    return "E"


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _vectors(bags: list[list[str]]) -> list[dict[str, float]]:
    df = Counter(w for bag in bags for w in set(bag))
    n = len(bags)
    vectors = []
    for bag in bags:
        tf = Counter(bag)
        vectors.append({w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()})
    return vectors


def names(text: str) -> set[str]:
    """Capitalised words after the first: the actors and places a claim is about."""
    return {w.lower() for w in re.findall(r"(?<=\s)[A-Z][a-z]+", text)}


def _groups(vectors: list[dict[str, float]], compatible) -> list[int]:
    """Single-link components of the same-proposition relation; candidate pairs share a word."""
    parent = list(range(len(vectors)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for w in vector:
            index[w].append(i)
    for i, vector in enumerate(vectors):
        candidates = {j for w in vector for j in index[w] if j > i}
        for j in candidates:
            if find(i) != find(j) and compatible(i, j) and _cosine(vector, vectors[j]) >= SAME_PROPOSITION:
                parent[find(j)] = find(i)
    return [find(i) for i in range(len(vectors))]


def rebuild_ledger(store: Store) -> list[Record]:
    """Recompute group, status and grade of every stored claim; return the sources' track records."""
    claims, docs = schema.claims, schema.documents
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(claims)).mappings()]
        documents = {r["id"]: r for r in conn.execute(
            select(docs.c.id, docs.c.outlet, docs.c.duplicate_of, docs.c.date)).mappings()}
    if not rows:
        return []

    def source(doc_id: str) -> str:
        doc = documents.get(doc_id) or {}
        original = documents.get(doc.get("duplicate_of")) if doc.get("duplicate_of") else None
        chosen = original or doc
        return (chosen.get("outlet") or chosen.get("id") or doc_id).lower()

    bags = [words(r["content_text"] or "") for r in rows]
    vectors = _vectors(bags)
    named = [names(r["content_text"] or "") for r in rows]
    days = [(documents.get(r["doc_id"]) or {}).get("date") for r in rows]

    def compatible(i: int, j: int) -> bool:
        if days[i] and days[j] and abs((days[i] - days[j]).days) > SAME_DAYS:
            return False
        return not (named[i] and named[j] and not named[i] & named[j])

    roots = _groups(vectors, compatible)
    members: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        members[root].append(i)
    status: dict[int, str] = {}
    for root, items in members.items():
        status[root] = _status(items, rows, vectors, source)
    group_ids = {root: n for n, root in enumerate(sorted(members, key=lambda r: min(members[r])), 1)}

    tally: dict[str, Counter] = defaultdict(Counter)
    for i, row in enumerate(rows):
        tally[row["speaker_key"] or ""][status[roots[i]]] += 1
    letters = {key: reliability(c["corroborated"], c["contradicted"]) for key, c in tally.items()}

    updates = []
    for i, row in enumerate(rows):
        root = roots[i]
        others = {source(rows[j]["doc_id"]) for j in members[root]} - {source(row["doc_id"])}
        credibility = _credibility(status[root], len(others), row, bags[i])
        updates.append({"id": row["id"], "group_id": group_ids[root], "status": status[root],
                        "grade": f"{letters[row['speaker_key'] or '']}{credibility}"})
    with store.transaction() as conn:
        for values in updates:
            conn.execute(update(claims).where(claims.c.id == values["id"]).values(
                group_id=values["group_id"], status=values["status"], grade=values["grade"]))
    return track_records(store)


def _status(items: list[int], rows: list[dict[str, Any]], vectors: list[dict[str, float]], source) -> str:
    for position, i in enumerate(items):
        for j in items[position + 1:]:
            a, b = rows[i], rows[j]
            if a["speaker_kind"] == "author" or b["speaker_kind"] == "author" \
                    or _cosine(vectors[i], vectors[j]) < CONFLICT_SIMILARITY:
                continue
            if negative(a["content_text"] or "", a["cue"] or "") != negative(b["content_text"] or "", b["cue"] or ""):
                return "contradicted"
            if numbers_conflict(_values(a), _values(b)):
                return "contradicted"
    return "corroborated" if len({source(rows[i]["doc_id"]) for i in items}) >= 2 else "single-source"


def _values(row: dict[str, Any]) -> list[float]:
    return [float(n["value"]) for n in (row.get("numbers") or []) if isinstance(n, dict) and "value" in n]


def _credibility(status: str, other_sources: int, row: dict[str, Any], bag: list[str]) -> int:
    if row["speaker_kind"] == "author" or not bag:
        return 6
    if status == "contradicted":
        return 5
    if status == "corroborated":
        return 1 if other_sources >= 2 else 2
    return 3


def track_records(store: Store) -> list[Record]:
    """Per speaker: claims, how many sit in corroborated and contradicted groups, reliability."""
    claims = schema.claims
    with store.engine.connect() as conn:
        rows = conn.execute(select(claims.c.speaker_key, claims.c.speaker_text, claims.c.speaker_kind,
                                   claims.c.status)).mappings().all()
    by_key: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = row["speaker_key"] or ""
        entry = by_key.setdefault(key, {"texts": Counter(), "kinds": Counter(), "status": Counter()})
        entry["texts"][row["speaker_text"] or key] += 1
        entry["kinds"][row["speaker_kind"]] += 1
        entry["status"][row["status"]] += 1
    records = []
    for key, entry in by_key.items():
        c = entry["status"]
        named = [t for t, _ in entry["texts"].most_common() if len(t) > 3] or [key]
        records.append(Record(named[0], entry["kinds"].most_common(1)[0][0], sum(c.values()),
                              c["corroborated"], c["contradicted"], reliability(c["corroborated"], c["contradicted"])))
    return sorted(records, key=lambda r: (-r.claims, r.speaker.lower()))
