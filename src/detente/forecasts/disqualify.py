"""What disqualifies a predicted clause as a forecast: a pledge, threat or plan about the speaker's
own side's conduct (its arrangements, its stated terms, a threat idiom) and a prediction told as
history. Mixed into ``attribution.Attributor``, which supplies ``cues`` and ``side``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .grammar import FIRST_PERSON, Finding, lower, past_tense, subject

if TYPE_CHECKING:
    from .attribution import Attribution

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it"}
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# "in 2019", "in January 2022", "by late 2021", "in the spring of 2020": a year the telling is placed in
PAST_YEAR = re.compile(rf"\b(?:in|by|since|during)(?: the)?(?: (?:early|late|mid|mid-|summer|spring|autumn|fall|winter)"
                       rf"(?: of)?)?(?: (?:{MONTHS})(?: \d{{1,2}}(?: ?,)?)?)? ((?:19|20)\d\d)\b")


class Disqualifier:
    """Pledges, threats, plans and history among the predicted clauses of attributed speakers."""

    def is_commitment(self, finding: Finding, who: Attribution, prop_text: str) -> bool:
        """A speaker's plain statement about its own side's conduct is a pledge or threat, not a forecast."""
        low = prop_text.lower()
        if finding.frame is None and finding.marker in ("will", "would", "modal") and self._threat(low):
            return True
        plain = finding.reading.plain or (finding.reading.phrase or "").lower() == "never"  # the plain future, negated
        certain = finding.reading.point >= 0.9  # "our response is inevitable": certainty about one's own conduct is a threat
        if plain and finding.marker in ("will", "would") and who.speaker.kind != "author" and not who.observer \
                and self._provoked(finding.head):
            return True  # "if they strike us, they will regret it": a conditional threat
        if plain and finding.marker in ("will", "would") and not who.observer and self._party(who) \
                and (self._terms(finding.head) or self._arranged(finding.head, who)):
            return True  # "the talks would resume only if…", "the leaders will meet on Wednesday": a plan
        if plain and finding.marker in ("will", "would") and finding.frame is None and any(
                c.dep_ == "nsubj" and lower(c) == "i" for c in finding.head.children):
            return True  # "I will press him on it", "I'd go further": the writer's or speaker's own conduct
        if who.speaker.kind == "author" or not (plain or certain) and finding.marker != "modal" or finding.frame is not None:
            return False
        subj = finding.head if finding.marker == "noun" else \
            subject(finding.head) if finding.head.pos_ in ("VERB", "AUX") else None
        if subj is None and finding.head.dep_ == "conj":
            subj = subject(finding.head.head)  # "Ankara had not been consulted and would not feel bound"
        if subj is None:
            return False
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in finding.head.children)
        if passive and not who.observer and who.reporter is not None and who.reporter.lemma_ not in self.cues.frame_verbs \
                and who.reporter.lemma_ not in ("warn", "fear", "worry", "caution") and who.speaker.kind in ("official", "named_person") \
                and not self._other_side(subj, who):
            return True  # "the pilot would be released", said by the government that holds him
        subj_words = {lower(t) for t in subj.subtree}
        if lower(subj) in FIRST_PERSON or subj_words & {"our", "my"}:
            return True
        if who.observer:
            return False
        person = who.speaker.kind in ("named_person", "anonymous")
        pronoun = lower(subj) if lower(subj) in ("he", "she", "it", "they") else next(
            (lower(t) for t in subj.children if t.dep_ == "poss" and lower(t) in ("its", "his", "their", "her")), None)
        if pronoun in ("he", "she", "his", "her") and person or pronoun in ("it", "its") and not person \
                or pronoun in ("they", "their"):
            return True
        if self._speaks_for(who, subj):
            return True
        speaker_text = " ".join(t.text for t in (who.reporter and subject(who.reporter) and subject(who.reporter).subtree or [])) \
            or (who.speaker.span.text if who.speaker.span else "")
        if speaker_text.lower() in PRONOUNS and who.speaker.actor is not None and who.speaker.actor.name:
            speaker_text = who.speaker.actor.name  # "he said", after "Houthi spokesman Yahya Saree"
        speaker_text = who.antecedent or speaker_text
        core = [t for t in subj.subtree if not any(a.dep_ in ("prep", "relcl", "acl", "appos") and a.i != subj.i
                                                   for a in _path(t, subj))]
        theirs = self.side(" ".join(t.text for t in core), None)
        speaker_words = set(re.findall(r"[a-z]+", speaker_text.lower()))
        if theirs is None:
            bystander = who.speaker.kind == "anonymous" and speaker_words & self.cues.bystander_roles \
                and self.side(speaker_text, None) is None  # "a Western diplomat said the regime would fall"
            return not bystander and (lower(subj) in self.cues.own_side_nouns or subj.lemma_ in self.cues.own_side_nouns)
        if who.speaker.kind == "anonymous" and not speaker_words & self.cues.agent_words:
            return False  # "a U.S. intelligence source" does not speak for the U.S. government
        mine = self.side(speaker_text, None)
        if mine is None and who.speaker.kind == "official" and speaker_words & self.cues.own_side_nouns:
            return True  # "Saudi Arabia will not…", said "the kingdom's foreign minister"
        return mine == theirs

    def _other_side(self, subj: Token, who: Attribution) -> bool:
        """Whether a passive subject is another side's forces ("North Korean units will be sent", said by South Korea's
        spy agency): forces are sent by their own side, so the speaker promises nothing; a captive ("the Indian pilot
        would be released", said by Pakistan) is moved by whoever holds it."""
        if subj.lemma_ not in self.cues.force_nouns:
            return False
        theirs = self.side(" ".join(t.text for t in subj.subtree), None)
        mine = self.side(who.speaker.span.text, None) if who.speaker.span is not None else None
        return theirs is not None and mine is not None and theirs != mine

    def _provoked(self, head: Token) -> bool:
        """A condition on the speaker's own side ("if it rains on us", "if our ships are hit")."""
        for c in head.children:
            if c.dep_ == "advcl" and any(lower(m) in self.cues.condition_marks for m in c.children if m.dep_ == "mark") \
                    and any(lower(t) in ("us", "we", "our") for t in c.subtree):
                return True
        return False

    def _party(self, who: Attribution) -> bool:
        """An official or named speaker, or an unnamed one in a role that acts for its side ("an official")."""
        if who.speaker.kind in ("official", "named_person"):
            return True
        words = set(re.findall(r"[a-z]+", (who.speaker.span.text if who.speaker.span else "").lower()))
        return who.speaker.kind == "anonymous" and bool(words & (self.cues.agent_words - self.cues.bystander_roles))

    def _terms(self, head: Token) -> bool:
        """"X would hold off only if Y": a party stating its terms."""
        return any(c.dep_ == "advcl" and lower(c.left_edge) == "only" and any(lower(m) == "if" for m in c.children if m.dep_ == "mark")
                   for c in head.children)

    def _arranged(self, head: Token, who: Attribution) -> bool:
        """A verb of arrangement without an object, whose subject is of no side other than the speaker's."""
        if head.lemma_ not in self.cues.arrangement_verbs or any(c.dep_ == "dobj" and not any(n.like_num for n in c.children)
                                                                for c in head.children):
            return False
        subj = subject(head)
        if subj is None or subj.ent_type_ == "PERSON":
            return False
        theirs = self.side(" ".join(t.text for t in subj.subtree), None)
        return theirs is None or theirs == self.side(who.speaker.span.text if who.speaker.span else "", None)

    def _speaks_for(self, who: Attribution, subj: Token) -> bool:
        """"Hamas will not disarm, its spokesman said", "the president will travel…, his office said":
        a spokesman, office or aide of the subject itself announces its conduct."""
        head = subject(who.reporter) if who.reporter is not None else None
        if head is None or head.lemma_ not in self.cues.agent_words | self.cues.official_words:
            return False
        poss = next((lower(c) for c in head.children if c.dep_ == "poss" and lower(c) in ("its", "their", "his", "her")), None)
        person = subj.ent_type_ == "PERSON" or subj.lemma_ in self.cues.person_words
        return poss in ("its", "their") and not person or poss in ("his", "her") and person

    def _threat(self, text: str) -> bool:
        """An idiom of threat in ``text``; "*" in a listed idiom stands for up to three words."""
        for phrase in self.cues.threat_phrases:
            pattern = r"\b" + re.escape(phrase).replace(r"\*", r"(?:[\w'-]+ ){0,3}").replace(r"\ ", " ")
            if re.search(pattern.replace("} ", "}"), text):
                return True
        return False

    def is_history(self, finding: Finding, who: Attribution, prop: tuple[int, int]) -> bool:
        """A prediction told as history: reported in the past perfect or placed in the past."""
        reporter = who.reporter
        if reporter is None:
            return False
        auxes = [lower(c) for c in reporter.children if c.dep_ == "aux"]
        if reporter.tag_ in ("VBZ", "VBP") and any(lower(c) == "now" for c in reporter.children if c.dep_ == "advmod"):
            return False  # "…, and it now expects S": a view held today, whatever came before
        if reporter.tag_ == "VBD" and any(c.dep_ == "advcl" and c.i < reporter.i and past_tense(c) and any(
                lower(m) in ("when", "as", "after", "before", "once") for m in c.children if m.dep_ in ("mark", "advmod"))
                for c in reporter.children):
            return True  # "When the war began, most experts believed S": the belief of a moment now past
        if reporter.dep_ == "advcl" and any(lower(m) in ("after", "before", "when", "since", "once", "until")
                                            for m in reporter.children if m.dep_ == "mark"):
            return True  # "after a general told him 150 people might die": the telling is the story
        if "had" in auxes or (reporter.tag_ == "VBG" and any(a in ("was", "were") for a in auxes)):
            return True
        if any(c.dep_ == "prep" and lower(c) in ("before", "until") and c.i < reporter.i and c.i == c.sent.start
               for c in reporter.children) and reporter.tag_ == "VBD":
            return True  # "Before the offensive, analysts said…": the telling is set before a turn of events
        sent = _segment(reporter.sent, prop)
        modifiers = {m.i for t in sent if (t.dep_ in ("acl", "relcl") or t.head.i == reporter.i and lower(t.left_edge) in self.cues.aside_marks)
                     and not t.left_edge.i <= prop[0] <= t.right_edge.i
                     for m in t.subtree}  # "despite the accords signed last week": another thing's time, not the telling's
        outside = " ".join(t.lower_ for t in sent if not prop[0] <= t.i < prop[1] and t.i not in modifiers)
        years = [int(y) for y in PAST_YEAR.findall(outside)]
        if years and finding.head.doc.user_data.get("year") and max(years) < finding.head.doc.user_data["year"]:
            return True  # "in 2019, experts predicted…", "In January 2022, most services predicted…"
        return any(re.search(rf"\b{re.escape(m)}\b", outside) for m in self.cues.history_markers)


def _path(tok: Token, top: Token) -> list[Token]:
    """The tokens from ``tok`` up to (not including) ``top``."""
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def _segment(sent, prop: tuple[int, int]):
    """The part of ``sent`` between semicolons that holds the proposition: the rest is another statement."""
    start, end = sent.start, sent.end
    for t in sent:
        if t.text == ";" and t.i < prop[0]:
            start = t.i + 1
        elif t.text == ";" and t.i >= prop[1] and end == sent.end:
            end = t.i
    return sent.doc[start:end]
