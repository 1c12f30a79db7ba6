"""Which mentions are the same real-world event: the merge rule, free of any database.

Mentions of one directed dyad are taken in date order (undated last); one pass assigns each to
an open cluster or starts a new one. The rule (docs/index-method.md):

* same family of codes (same root, or a family of ``escalation.yaml`` such as force 18–20);
* compatible place: either unknown or generic ("two bases", "the overnight attack"), or one
  site name contains the other ("Ain al-Asad" and "Ain al-Asad air base");
* dated mentions join a cluster whose anchor (earliest date) lies within the tolerance of their
  date (±1 day by default; ±7 for week-precision dates, ±31 for month-precision ones), never
  chaining, so daily strikes stay daily incidents;
* background mentions — the event date far before the article date, no event date, or a recall
  cue just before the trigger ("two days after a drone strike killed…") — that find no cluster
  in the window join the best cluster of their family anchored up to ``recall_days`` (30)
  earlier (same site, same code, nearest), whatever its place;
* mentions with no date at all (an undated article) join a cluster only at the same named site;
  otherwise they start an undated incident, which stays out of the index.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

PRECISION_DAYS = {"week": 7, "month": 31}


@dataclass(slots=True)
class Mention:
    """One event row that happened (asserted or reported), with what its article adds."""

    id: int
    doc_id: str
    source_sector: str
    target_sector: str
    code: str
    quad: int
    goldstein: float
    confidence: float
    date: date | None  # the event date the coder gave
    precision: str | None
    doc_date: date | None
    article: str  # the original article: cross-posts count as the one they copy
    outlet: str  # the original article's outlet, or its id when it names none
    place: str | None
    sentence: str | None
    raw_trigger: tuple  # (sentence_start, trigger_start, trigger_end, trigger_text) as stored

    @property
    def when(self) -> date | None:
        """The date used for matching: the event date, else the article date."""
        if self.date and self.precision != "unknown":
            return self.date
        return self.doc_date

    def trigger_span(self) -> tuple[int, int] | None:
        """Trigger offsets inside the sentence (events store them as offsets into the article)."""
        sentence_start, start, end, text = self.raw_trigger
        sentence = self.sentence
        if not sentence or start is None or end is None:
            return None
        if sentence_start is not None and 0 <= start - sentence_start <= end - sentence_start <= len(sentence):
            return (start - sentence_start, end - sentence_start)
        found = sentence.find(text) if text else -1
        return (found, found + len(text)) if found >= 0 else None


@dataclass(frozen=True)
class Rule:
    """The parameters of the merge: code families, date windows and the generic place words."""

    family_of: Callable[[str], str]
    tolerance_days: int = 1
    background_days: int = 7
    recall_days: int = 30  # how far back a background mention may reach when its own date is the article's
    generic_place_words: frozenset[str] = frozenset()
    recall_cues: frozenset[str] = frozenset()
    recall_words: int = 6  # how far before the trigger a recall cue counts

    def background(self, m: Mention) -> bool:
        """A mention that looks back: undated, vaguely dated, far before its article, or recalled
        ("two days after a drone strike killed…": a cue word just before the trigger)."""
        if m.date is None or m.precision in ("unknown", "month"):
            return True
        if m.doc_date and (m.doc_date - m.date).days > self.background_days:
            return True
        span = m.trigger_span() if self.recall_cues else None
        if not span:
            return False
        before = re.findall(r"[a-z]+", m.sentence[:span[0]].lower())[-self.recall_words:]
        return any(w in self.recall_cues for w in before)

    def site(self, place: str | None) -> str | None:
        """A place as a comparable site name, or None when unknown or generic."""
        if not place:
            return None
        words = place.lower().replace("-", " ").replace("'s ", " ").split()
        if not words or any(w.strip(".,;") in self.generic_place_words for w in words):
            return None
        return " ".join(words)


@dataclass(slots=True)
class Cluster:
    family: str
    anchor: date | None  # the date of the mention that opened it: the earliest one
    mentions: list[Mention] = field(default_factory=list)
    codes: Counter = field(default_factory=Counter)
    sites: set[str] = field(default_factory=set)
    named: Counter = field(default_factory=Counter)  # places as written that name a site

    def add(self, m: Mention, site: str | None) -> None:
        self.mentions.append(m)
        self.codes[m.code] += 1
        if site:
            self.sites.add(site)
            self.named[m.place] += 1

    def fits(self, site: str | None) -> bool:
        """Compatible places: either side has no site, or one site name contains the other."""
        return not site or not self.sites or any(site in q or q in site for q in self.sites)


def _preference(c: Cluster, m: Mention, site: str | None) -> tuple:
    """Sort key among candidate clusters: same site, same code, nearest anchor, latest."""
    gap = abs((m.when - c.anchor).days) if m.when and c.anchor else 10**6
    return (site not in c.sites, m.code not in c.codes, gap, -(c.anchor.toordinal() if c.anchor else 0))


def cluster_dyad(mentions: list[Mention], rule: Rule) -> list[Cluster]:
    """Clusters of one directed dyad's mentions, in creation order (dated ones by date)."""
    clusters: list[Cluster] = []
    by_family: dict[str, list[Cluster]] = {}
    for m in sorted(mentions, key=lambda m: (m.when is None, m.when or date.min, m.id)):
        family = rule.family_of(m.code)
        site = rule.site(m.place)
        chosen = _choose(by_family.get(family, []), m, site, rule)
        if chosen is None:
            chosen = Cluster(family, m.when)
            clusters.append(chosen)
            by_family.setdefault(family, []).append(chosen)
        chosen.add(m, site)
    return clusters


def _choose(family: list[Cluster], m: Mention, site: str | None, rule: Rule) -> Cluster | None:
    """The cluster ``m`` joins, or None for a new one. ``family`` is in date order, undated last."""
    when = m.when
    if when is None:
        same = [c for c in family if site and c.sites and c.fits(site)]
        return min(same, key=lambda c: _preference(c, m, site), default=None)
    window = PRECISION_DAYS.get(m.precision or "", rule.tolerance_days)
    near = []
    for c in reversed(family):  # only the last few clusters can be inside the window
        if c.anchor is None:
            continue
        if (when - c.anchor).days > window:
            break
        if c.fits(site):
            near.append(c)
    if near:
        return min(near, key=lambda c: _preference(c, m, site))
    if rule.background(m):  # places of recalled acts are unreliable: they rank, they do not exclude
        earlier = [c for c in family if c.anchor and 0 <= (when - c.anchor).days <= rule.recall_days]
        return min(earlier, key=lambda c: _preference(c, m, site), default=None)
    return None
