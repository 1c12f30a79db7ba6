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
4. **Independent reporting.** Each claim (not the author's opinions) is also compared with the
   plain sentences of other outlets' documents within ``window`` days (``Reporting``, an inverted
   index over clauses; README.md, "Corroboration from independent reporting"): a sentence on the
   same story that says the same thing corroborates it, one that negates it or gives another
   figure contradicts it; both are kept in ``claims.extra`` (``corroborated_by``,
   ``contradicted_by``: ``{doc_id, outlet, text}``).
5. **Status of a group**: ``contradicted`` when any two of its claims conflict or any claim has
   a contradicting sentence; else ``corroborated`` when its claims and their corroborating
   sentences come from two or more independent sources; else ``single-source``.
6. **Credibility** (Admiralty 1–6) per claim: 1 confirmed (corroborated by two or more other
   independent sources, claims or sentences), 2 probably true (by one), 3 possibly true (single
   source), 5 improbable (contradicted), 6 cannot be judged (the author's own opinion or a claim
   with no content words).
7. **Reliability** (A–F) per speaker, from the track record of the speaker's claims in judged
   groups (corroborated or contradicted): with fewer than 2 judged claims F (cannot be judged —
   so an anonymous source with no record is F); else by the share corroborated: ≥ 0.9 A,
   ≥ 0.75 B, ≥ 0.6 C, ≥ 0.4 D, below E. The grade of a claim is reliability + credibility ("C2").
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select, update

from ..ingest.boilerplate import boilerplate_spans
from ..knowledge import DataError, files, read_yaml
from ..store import Store, schema
from .numbers import default_words

SAME_PROPOSITION = 0.45
CONFLICT_SIMILARITY = 0.5
SAME_DAYS = 3
NUMBER_TOLERANCE = 0.10
REPORTING_AGREEMENT = 0.5
REPORTING_DAYS = 3
STORY_NAMES = 2
CONDITIONAL = {"if", "unless", "whether"}
PIECE_TERMS = 3
CONFLICT_TERMS = 2
CANDIDATE_TERMS = 3
EVIDENCE_CHARS = 300
NEGATIONS = {"no", "not", "never", "none", "nobody", "nothing", "without", "neither", "nor", "n't", "cannot"}
WORDS = re.compile(r"\w+")
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


def _groups(vectors: list[dict[str, float]], compatible, days: list[date | None]) -> list[int]:
    """Single-link components of the same-proposition relation. Candidate pairs share one of the
    rarer claim's ``CANDIDATE_TERMS`` rarest words (pairs sharing only common words stay below the
    threshold) and lie within ``SAME_DAYS``, which keeps 10,000 documents' claims from being
    compared all with all."""
    parent = list(range(len(vectors)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    day = [d.toordinal() if d else 0 for d in days]
    index: dict[str, list[int]] = defaultdict(list)
    undated: dict[str, list[int]] = defaultdict(list)
    for i in sorted(range(len(vectors)), key=day.__getitem__):
        for w in vectors[i]:
            (index if day[i] else undated)[w].append(i)
    for i, vector in enumerate(vectors):
        rare = sorted(vector, key=lambda w: len(index[w]) + len(undated[w]))[:CANDIDATE_TERMS]
        candidates: set[int] = set()
        for w in rare:
            near = index[w]
            if day[i]:
                near = near[bisect_left(near, day[i] - SAME_DAYS, key=day.__getitem__):
                            bisect_right(near, day[i] + SAME_DAYS, key=day.__getitem__)]
            candidates.update(near)
            candidates.update(undated[w])
        candidates.discard(i)
        for j in candidates:
            if find(i) != find(j) and compatible(i, j) and _cosine(vector, vectors[j]) >= SAME_PROPOSITION:
                parent[find(j)] = find(i)
    return [find(i) for i in range(len(vectors))]


def rebuild_ledger(store: Store, *, window: int = REPORTING_DAYS, extra_dirs: Iterable = ()) -> list[Record]:
    """Recompute group, status, evidence and grade of every stored claim; return the sources' track records."""
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

    roots = _groups(vectors, compatible, days)
    members: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        members[root].append(i)
    evidence = _reporting_evidence(store, rows, bags, documents, source, window, tuple(extra_dirs))
    status: dict[int, str] = {}
    for root, items in members.items():
        status[root] = _status(items, rows, vectors, source, evidence)
    group_ids = {root: n for n, root in enumerate(sorted(members, key=lambda r: min(members[r])), 1)}

    tally: dict[str, Counter] = defaultdict(Counter)
    for i, row in enumerate(rows):
        tally[row["speaker_key"] or ""][status[roots[i]]] += 1
    letters = {key: reliability(c["corroborated"], c["contradicted"]) for key, c in tally.items()}

    updates = []
    for i, row in enumerate(rows):
        root = roots[i]
        others = {source(rows[j]["doc_id"]) for j in members[root]}
        others |= {e["outlet_key"] for j in members[root] for e in evidence[j].get("corroborated_by", [])}
        others -= {source(row["doc_id"])}
        credibility = _credibility(status[root], len(others), row, bags[i])
        extra = {k: v for k, v in (row["extra"] or {}).items() if k not in ("corroborated_by", "contradicted_by")}
        for key, entries in evidence[i].items():
            extra[key] = [{k: v for k, v in e.items() if k != "outlet_key"} for e in entries]
        updates.append({"_id": row["id"], "group_id": group_ids[root], "status": status[root],
                        "grade": f"{letters[row['speaker_key'] or '']}{credibility}", "extra": extra})
    with store.transaction() as conn:
        conn.execute(update(claims).where(claims.c.id == bindparam("_id")).values(
            group_id=bindparam("group_id"), status=bindparam("status"), grade=bindparam("grade"),
            extra=bindparam("extra")), updates)
    return track_records(store)


def _reporting_evidence(store: Store, rows: list[dict[str, Any]], bags: list[list[str]],
                        documents: dict[str, Any], source, window: int, extra_dirs: tuple) -> list[dict[str, list]]:
    """Per claim, the other outlets' sentences that corroborate or contradict it (``_evidence``)."""
    judged = [i for i, row in enumerate(rows) if row["speaker_kind"] != "author" and bags[i]]
    if not judged:
        return [{} for _ in rows]
    reporting = Reporting(ReportingWords.load(extra_dirs))
    position: dict[str, int] = {}
    docs = schema.documents
    with store.engine.connect() as conn:
        query = select(docs.c.id, docs.c.text, docs.c.date, docs.c.outlet, docs.c.duplicate_of).order_by(
            docs.c.date.is_(None), docs.c.date, docs.c.id)  # oldest first: postings come out sorted
        for doc in conn.execute(query).mappings():
            if doc["duplicate_of"] and doc["duplicate_of"] in documents:
                continue  # a cross-post says what its original says, and counts as the original
            position[doc["id"]] = len(reporting.doc_ids)
            reporting.add(doc["id"], doc["text"] or "", doc["date"], source(doc["id"]), doc["outlet"] or "")
    reporting.finish()
    found: list[dict[str, list]] = [{} for _ in rows]
    for i in judged:
        doc_id = rows[i]["doc_id"]
        original = (documents.get(doc_id) or {}).get("duplicate_of") or doc_id
        found[i] = _evidence(reporting, rows[i], source(doc_id), position.get(original, position.get(doc_id)), window)
    return found


def _status(items: list[int], rows: list[dict[str, Any]], vectors: list[dict[str, float]], source,
            evidence: list[dict[str, list]]) -> str:
    if any(evidence[i].get("contradicted_by") for i in items):
        return "contradicted"
    for position, i in enumerate(items):
        for j in items[position + 1:]:
            a, b = rows[i], rows[j]
            if a["speaker_kind"] == "author" or b["speaker_kind"] == "author" \
                    or _cosine(vectors[i], vectors[j]) < CONFLICT_SIMILARITY:
                continue
            if a["doc_id"] == b["doc_id"] and a["speaker_key"] == b["speaker_key"]:
                continue  # one source going on in one article qualifies itself; it does not contradict itself
            if _restates(a["content_text"] or "", b["content_text"] or ""):
                continue  # a quote repeated in full or in part (a lead, then the whole tweet) is one statement
            if negative(a["content_text"] or "", a["cue"] or "") != negative(b["content_text"] or "", b["cue"] or ""):
                return "contradicted"
            if numbers_conflict(_values(a), _values(b)):
                return "contradicted"
    outlets = {source(rows[i]["doc_id"]) for i in items}
    outlets |= {e["outlet_key"] for i in items for e in evidence[i].get("corroborated_by", [])}
    return "corroborated" if len(outlets) >= 2 else "single-source"


def _restates(a: str, b: str) -> bool:
    """One content holds the other word for word: the same words cannot conflict with themselves."""
    a, b = (" ".join(WORDS.findall(text.lower())) for text in (a, b))
    return bool(a and b) and (a in b or b in a)


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


# -- independent reporting: claims against the narration of other outlets --------------------

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[*]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Sen|Rep|Gov|St|No))\.$")
_CLAUSE = re.compile(r";|:\s|\s[—–]\s|\s--\s|,\s*(?:and|but|while|whereas|although)\s+|\s(?:and|but)\s+that\s+")
_NAME = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b|(?<=[\s-])[A-Z][a-z]+")
CALENDAR = set("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())


@dataclass(frozen=True)
class ReportingWords:
    """The word knowledge of ``ledger/words.yaml``: concepts to merge and narration words to ignore."""

    concept: dict[str, str]
    ignore: frozenset[str]

    @classmethod
    @lru_cache(maxsize=8)
    def load(cls, extra_dirs: tuple[str | Path, ...] = ()) -> ReportingWords:
        concept: dict[str, str] = {}
        ignore: set[str] = set()
        for path in files("ledger/words.yaml", extra_dirs):
            data = read_yaml(path) or {}
            if not isinstance(data, dict):
                raise DataError(f"{path}: expected a mapping with concepts and ignore")
            for key in data:
                if key not in ("concepts", "ignore"):
                    raise DataError(f"{path}: unknown key {key!r} (expected concepts, ignore)")
            concepts = data.get("concepts") or {}
            if not isinstance(concepts, dict):
                raise DataError(f"{path}: concepts: expected a mapping of concept to word list")
            for name, forms in concepts.items():
                if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                    raise DataError(f"{path}: concepts: {name}: expected a list of words")
                concept.update({f.strip().lower(): str(name).lower() for f in forms})
            listed = data.get("ignore") or []
            if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
                raise DataError(f"{path}: ignore: expected a list of words")
            ignore |= {w.strip().lower() for w in listed}
        return cls(concept, frozenset(ignore))

    def terms(self, text: str) -> tuple[str, ...]:
        """Content words as in ``words``, narration words left out and concept forms merged."""
        out = []
        for w in WORD.findall(text.lower().replace("’", "'")):
            w = w.strip("'-")
            if w in STOP or w in NEGATIONS or w in self.ignore or len(w) < 3:
                continue
            if w in self.concept:
                out.append(self.concept[w])
            else:
                out.append(w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w)
        return tuple(out)


def name_set(text: str) -> set[str]:
    """Actors and places a text names: capitalised words after the first, and acronyms (U.S. = US)."""
    found = {m.group(0).replace(".", "").lower() for m in _NAME.finditer(text)}
    return found - CALENDAR


def sentences(text: str) -> list[str]:
    """A cheap split into sentences (no parser): lines, then end punctuation before a capital."""
    out: list[str] = []
    for line in text.splitlines():
        start = len(out)
        for piece in _SENTENCE.split(line):
            piece = piece.strip()
            if not piece:
                continue
            if len(out) > start and _ABBREVIATION.search(out[-1]):
                out[-1] = f"{out[-1]} {piece}"  # "U.S. President", "Gen. Smith": not a sentence end
            else:
                out.append(piece)
    return out


def clauses(text: str) -> list[str]:
    """The propositions a sentence or a claim conjoins ("S, and T", "S; T", "that S and that T");
    a condition ("if S") states nothing and is left out."""
    out = [c.strip(" ,.\"“”") for c in _CLAUSE.split(text) if c and c.strip(" ,.\"“”")]
    return [c for c in out if c.split(None, 1)[0].lower() not in CONDITIONAL]


@dataclass(slots=True)
class Passage:
    """One clause of a sentence of a stored document: where it is and what it says."""

    doc: int
    sentence: str
    clause: str
    whole: str  # the clause a comma piece belongs to, where its figures are read
    terms: tuple[str, ...]
    denying: bool


@dataclass
class Reporting:
    """An inverted index over the clauses of the stored documents' sentences: term → clauses by day."""

    words: ReportingWords
    sources: list[str] = field(default_factory=list)
    days: list[date | None] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    story: list[set[str]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # dated, by day
    undated: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    unit_day: list[int] = field(default_factory=list)  # the day (ordinal) of each clause's document
    name_df: Counter = field(default_factory=Counter)

    def add(self, doc_id: str, text: str, day: date | None, source: str, outlet: str) -> None:
        doc = len(self.doc_ids)
        self.doc_ids.append(doc_id)
        self.days.append(day)
        self.sources.append(source)
        self.outlets.append(outlet)
        split = sentences(_without(text, boilerplate_spans(text)))
        names = set().union(*map(name_set, split))
        self.story.append(names)
        self.name_df.update(names)
        for sentence in split:
            denying = bool(set(re.findall(r"[a-z]+", sentence.lower())) & DENYING)
            for clause, whole, terms in _with_pieces(clauses(sentence), self.words):
                unit = len(self.passages)
                self.passages.append(Passage(doc, sentence, clause, whole, terms, denying))
                self.unit_day.append(day.toordinal() if day else 0)
                for term in set(terms):
                    (self.postings if day else self.undated)[term].append(unit)

    def finish(self) -> None:
        """Weights once every document is in: IDF over clauses, names common to most documents dropped."""
        n = len(self.passages)
        for units in self.postings.values():
            units.sort(key=self.unit_day.__getitem__)  # by day, for the window's bisection
        self.idf = {t: math.log((1 + n) / (1 + len(self.postings.get(t, ())) + len(self.undated.get(t, ())))) + 1
                    for t in self.postings.keys() | self.undated.keys()}
        self.top_idf = math.log(1 + n) + 1
        if len(self.doc_ids) >= 10:
            common = {name for name, count in self.name_df.items() if count > len(self.doc_ids) / 2}
            self.story = [names - common for names in self.story]
        self.norms = [math.sqrt(sum((c * self.idf[t]) ** 2 for t, c in Counter(p.terms).items()))
                      for p in self.passages]

    def vector(self, terms: Iterable[str]) -> dict[str, float]:
        return {t: c * self.idf.get(t, self.top_idf) for t, c in Counter(terms).items()}

    def candidates(self, vector: dict[str, float], day: date | None, window: int) -> set[int]:
        """Clauses sharing one of the claim's rarest terms, from documents within ``window`` days."""
        rare = sorted(vector, key=lambda t: -self.idf.get(t, self.top_idf))[:CANDIDATE_TERMS]
        found: set[int] = set()
        for term in rare:
            units = self.postings.get(term, [])
            if day is not None:
                lo = bisect_left(units, day.toordinal() - window, key=self.unit_day.__getitem__)
                hi = bisect_right(units, day.toordinal() + window, key=self.unit_day.__getitem__)
                units = units[lo:hi]
            found.update(units)
            found.update(self.undated.get(term, ()))
        return found


def _with_pieces(parts: list[str], words: ReportingWords) -> list[tuple[str, str, tuple[str, ...]]]:
    """(piece, clause, terms): each clause with terms, and the comma-separated pieces of proposition
    size (``PIECE_TERMS``) of a clause with commas: narration often runs on past the fact ("No one
    was hurt in the blast, the third this month") and cosine would punish the run-on."""
    out = []
    for part in parts:
        terms = words.terms(part)
        if terms:
            out.append((part, part, terms))
        pieces = [p.strip() for p in part.split(",") if p.strip()] if "," in part else []
        for piece in pieces if len(pieces) > 1 else []:
            if piece.split(None, 1)[0].lower() not in CONDITIONAL:
                terms = words.terms(piece)
                if len(terms) >= PIECE_TERMS:
                    out.append((piece, part, terms))
    return out


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with boilerplate spans replaced by line breaks, so the text around one never runs into a sentence."""
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append("\n")
        last = end
    parts.append(text[last:])
    return "".join(parts)


@dataclass
class ClaimClause:
    """One proposition of a claim's content, ready to be compared with the index's clauses."""

    text: str
    terms: tuple[str, ...]
    vector: dict[str, float]
    norm: float
    names: set[str]
    predicate: set[str]  # terms of the words that are not names
    negative: bool
    figures: list[float]

    @classmethod
    def of(cls, text: str, cue: str, reporting: Reporting) -> ClaimClause:
        terms = reporting.words.terms(text)
        vector = reporting.vector(terms)
        plain = " ".join(w for w in text.split() if not any(p[:1].isupper() for p in w.split("-")))
        return cls(text, terms, vector, math.sqrt(sum(w * w for w in vector.values())), name_set(text),
                   set(reporting.words.terms(plain)), negative(text, cue),
                   [q.value for q in default_words().find(text)])


def _evidence(reporting: Reporting, row: dict[str, Any], own_source: str, own_doc: int | None,
              window: int) -> dict[str, list[dict[str, str]]]:
    """Sentences of other independent outlets that agree with or contradict a claim, one per outlet."""
    found: dict[str, dict[str, tuple[float, dict[str, str]]]] = {"corroborated_by": {}, "contradicted_by": {}}
    day = reporting.days[own_doc] if own_doc is not None else None
    story = reporting.story[own_doc] if own_doc is not None else set()
    for part in clauses(row["content_text"] or ""):
        claim = ClaimClause.of(part, row["cue"] or "", reporting)
        if not claim.terms:
            continue
        for unit in reporting.candidates(claim.vector, day, window):
            passage = reporting.passages[unit]
            source = reporting.sources[passage.doc]
            if source == own_source or len(story & reporting.story[passage.doc]) < STORY_NAMES:
                continue  # the claim's own outlet, or another story
            similarity, side = _judge(claim, passage, reporting, unit)
            if side and (source not in found[side] or found[side][source][0] < similarity):
                text = passage.sentence if len(passage.sentence) <= EVIDENCE_CHARS \
                    else passage.sentence[:EVIDENCE_CHARS - 1] + "…"
                found[side][source] = (similarity, {"doc_id": reporting.doc_ids[passage.doc], "outlet_key": source,
                                                    "outlet": reporting.outlets[passage.doc], "text": text})
    return {key: [entry for _, entry in sorted(side.values(), key=lambda e: -e[0])]
            for key, side in found.items() if side}


def _judge(claim: ClaimClause, passage: Passage, reporting: Reporting, unit: int) -> tuple[float, str | None]:
    """How close a clause of another outlet is to a claim's clause, and whether it corroborates
    (``corroborated_by``), contradicts (``contradicted_by``) or says nothing about it (None)."""
    counts = Counter(passage.terms)
    dot = sum(w * counts[t] * reporting.idf[t] for t, w in claim.vector.items() if t in counts)
    norms = claim.norm * reporting.norms[unit]
    similarity = dot / norms if norms else 0.0
    if similarity < REPORTING_AGREEMENT:
        return similarity, None
    shared = set(claim.terms) & counts.keys()
    if not shared & claim.predicate:
        return similarity, None  # only names in common: the same actors, not the same proposition
    other_names = name_set(passage.clause)
    if claim.names and other_names and not claim.names & other_names:
        return similarity, None
    figures = [q.value for q in default_words().find(passage.whole)]
    if claim.figures and not figures:
        return similarity, None  # a figure is corroborated or contradicted only by a figure
    conflict = negative(passage.clause, "denied" if passage.denying else "") != claim.negative \
        or numbers_conflict(claim.figures, figures)
    if not conflict:
        return similarity, "corroborated_by"
    if len(shared) < CONFLICT_TERMS or claim.names and not claim.names & name_set(passage.sentence):
        return similarity, None  # a contradiction needs more: two shared terms, the claim's actors named
    return similarity, "contradicted_by"
