"""The claims reader: who says what, from a parsed text (the guidelines of ../shared/eval/README.md).

A claim is found from one of five cues, each in its own method:
- a verb of saying, reporting, confirming, denying, warning or believing (``verbs.yaml``)
  with a speaker (its subject, inherited along "said A, adding B" and "called … and said")
  and content (its clause, an allowed object, an adjacent quote, or the clause it follows:
  "S, X said"); an outlet that carries a source ("X reported, citing Y, that S", "X quoted Y
  as saying S") gives a claim to each, with the same content;
- "according to X", and a heading "Statement from X: S";
- a post or tweet signed "— Name (@handle) date": the paragraph above it, keyed to the signature;
- the author's first person ("I think S", "in my view, S", ``author.yaml``), outside quotes.
A direct quote becomes the content of the verb next to it, whole (however many sentences and
paragraphs it runs over), and a quote that goes on after "he said" joins the same claim.
Verbs inside a quote belong to the quoted speaker and are not read again. Parser slips that would
lose a speaker or a content are repaired by ``misparses`` (see the README for the list).

Speakers are typed by ``speakers.SpeakerTyper`` in text order, so that "he" and "the official"
take the kind of the speaker they refer back to. Claims of one speaker in one sentence are one
claim. Boilerplate spans (ingest.boilerplate, when installed) and exact repeats of a sentence
(a headline shown twice) yield nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp import Parsed, doc_text
from ..records import Claim, Span, Speaker
from ..knowledge import DataError
from .lexicon import mappings, word_lists
from .numbers import NumberWords
from .clauses import ADDRESSEE_VERBS, char_range, next_sentence, previous_question, that_clause, token_range
from . import misparses
from .misparses import FIRST_PERSON_SUBJECTS, TIMESTAMP
from .page import Page, boilerplate, paragraph_of, trim
from .quotes import Quote, find_quotes
from .speakers import SpeakerMemory, SpeakerTyper

VERSION = "1"
REFLEXIVES = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}
SIGNATURE = re.compile(r"^[ \t]*[—–-]{1,2}[ \t]*(?P<who>[^\n@]{2,80}?[ \t]*\(@\w+\))[^\n]*$", re.M)
QUOTE_SIGNED = re.compile(r"^[ \t]*>?[ \t]*(?P<quote>[\"“][^\n]{10,}[\"”])[ \t]*[—–]{1,2}[ \t]*(?P<who>[^,(\n]{2,80}?)[ \t]*(?:[,(][^\n]*)?$", re.M)
QUOTE_BLOCK = re.compile(r"^[ \t]*(?:>[ \t]*)?[\"“]")
SUBJECT_DEPS = ("nsubj",)
INHERITING = ("conj", "advcl", "xcomp")
EMBEDDED = ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp")
OBJECT_PRONOUN = re.compile(r"^(?:me|us|him|her|them)\s+(?=\S)", re.I)
NESTING_VERBS = {"report"}
CONTRAST = {"while", "whereas", "although", "though"}
STATEMENT_FROM = re.compile(r"\b((?:[Ss]tatement|[Rr]eadout|[Mm]essage) (?:from|by)) (?P<who>[A-Z][^:\n]{2,80}?):\s")
ELLIPTICAL = re.compile(r"^(?:it|they|he|she|we|that|this|so|not)(?:\s+(?:will|wo|would|can|could|is|are|does|do|did|"
                        r"has|have|n't|not|so|be|happen|hold))*\W*$", re.I)
CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|on|the)\s+)*[A-Z][\w’'-]*)+")
GLUED_STOP = re.compile(r"^[\w-]*\d[\w-]*\.$")  # "Thunder-2025A.": a sentence's full stop kept in a code name
DATELINE = re.compile(r"^[A-Z][A-Z'./ -]{2,}(?:, [^—–\n]{0,40}?)?\s+[—–-]{1,2}\s+")


@dataclass
class Draft:
    """A claim in the making: character ranges, before the speaker is typed."""

    speaker: tuple[int, int]
    content: tuple[int, int]
    cue: str
    speaker_span: SpacySpan | None = None
    author: bool = False
    verb_at: int = -1
    lemma: str = ""
    contrast: bool = False  # the verb's clause opens with "while"/"whereas": a statement beside, not inside
    governors: frozenset[int] = frozenset()  # character offsets of the verbs above this one in the parse
    aside: bool = False  # "…, a label its owner rejected, saying T", "what it described as X": the speaker's own
    kind: str = ""  # a kind the speaker's role fixes ("a statement carried by X": X is an outlet), else typed


class Attributor:
    key = "claims"
    version = VERSION

    def __init__(self, verbs: dict[str, dict], carrying: set[str], author_cues: dict[str, set[str]],
                 typer: SpeakerTyper, numbers: NumberWords, book: Any = None,
                 publishing: dict[str, dict] | None = None, complement_nouns: Iterable[str] = (),
                 refusals: Iterable[str] = ()) -> None:
        self.verbs = verbs
        self.publishing = publishing or {}  # "a statement carried by X": X states it too
        self.complement_nouns = frozenset(complement_nouns)
        self.refusals = set(refusals)  # "on condition that": the noun's clause, no content
        self.observing = {v for v, s in verbs.items() if s.get("objects") or s.get("numeric")}  # "counted 49 aircraft"
        self.carrying = carrying
        self.author_cue = _alternation(author_cues["patterns"] | author_cues["before"], "author.yaml")
        self.content_before = _alternation(author_cues["before"], "author.yaml")
        self.pronoun_view = _alternation(author_cues["pronoun_views"], "author.yaml")
        self.typer = typer
        self.numbers = numbers
        self.book = book

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> "Attributor":
        extra_dirs = tuple(extra_dirs)
        verbs = mappings("verbs", "reporting", extra_dirs)
        for verb, settings in verbs.items():
            words = settings.get("objects", [])
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise DataError(f"claims/verbs.yaml: reporting: {verb}: objects must be a list of nouns, got {words!r}")
            if words:
                settings["objects"] = {w.lower() for w in words}
        carrying = set(mappings("verbs", "carrying", extra_dirs))
        cues = word_lists("author", ("patterns", "before", "pronoun_views"), extra_dirs)
        return cls(verbs, carrying, cues, SpeakerTyper.load(extra_dirs), NumberWords.load(extra_dirs),
                   _actor_book(extra_dirs), mappings("verbs", "publishing", extra_dirs),
                   set(mappings("verbs", "complement_nouns", extra_dirs)), set(mappings("verbs", "refusals", extra_dirs)))

    # -- the reader ---------------------------------------------------------------------------
    def read(self, parsed: Parsed) -> list[Claim]:
        doc = parsed.doc
        when = parsed.record.date
        text = doc_text(doc)
        page = Page(text, find_quotes(text), boilerplate(text))
        memory = SpeakerMemory()
        claims: list[Claim] = []
        signed = self._signed_posts(doc, page)
        seen_sentences: set[str] = set()
        for sent in doc.sents:
            for draft in [d for d in signed if d.speaker[0] < sent.end_char]:  # in text order, for the memory
                claims.append(self._claim(doc, draft, when, memory))
                signed.remove(draft)
            if page.skipped(sent.start_char, sent.end_char):
                continue
            key = " ".join(sent.text.split()).lower()
            if key in seen_sentences and len(key) > 20:
                continue
            seen_sentences.add(key)
            drafts = _attributed_once(self._verb_claims(sent, page), self._according_to(sent, page), self.observing) \
                + self._author(sent, page) + self._statement_from(sent, page)
            drafts += self._published(sent, drafts)
            kept = _merge([d for d in drafts if not _introducing(d, page)])
            for draft in kept:
                claims.append(self._claim(doc, draft, when, memory))
            self._note_subjects(sent, page, memory, [d.speaker for d in kept])
        for draft in signed:
            claims.append(self._claim(doc, draft, when, memory))
        return _without_repeats(claims)

    def _claim(self, doc: Doc, draft: Draft, when, memory: SpeakerMemory) -> Claim:
        text = doc_text(doc)
        s0, s1 = draft.speaker
        span = Span(s0, s1, text[s0:s1])
        if draft.author:
            speaker = Speaker("author", span)
        else:
            sp = draft.speaker_span or doc.char_span(s0, s1, alignment_mode="expand")
            speaker = self.typer.type(_expansion(sp) or sp, self.book, when, memory)
            speaker = Speaker(draft.kind or speaker.kind, span, speaker.actor, speaker.description)
            head = sp.root
            if speaker.kind != "author":
                memory.note(speaker.kind, head, self.typer.is_person(speaker.kind, head), speaker.actor, sp.text)
        c0, c1 = draft.content
        numbers = [q for q in self.numbers.find(text[c0:c1], c0) if not s0 <= (q.start or 0) < s1]
        return Claim(speaker=speaker, content=Span(c0, c1, text[c0:c1]), cue=draft.cue, numbers=numbers)

    # -- verbs of saying ----------------------------------------------------------------------
    def _verb_claims(self, sent: SpacySpan, page: Page) -> list[Draft]:
        drafts: list[Draft] = []
        for verb in sent:
            settings = self.verbs.get(verb.lemma_.lower())
            if settings is None or not (verb.pos_ in ("VERB", "AUX") or _mistagged_verb(verb)) or page.in_quote(verb.idx) \
                    or page.skipped(verb.idx, verb.idx + len(verb.text)):
                continue
            relative = verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)
            aside = _speaker_aside(verb)  # "…, which I suspect is optimistic", "the militia, which Ankara says is …"
            if verb.dep_ in ("amod", "compound") or verb.dep_ in ("relcl", "acl") and verb.head.dep_ != "ROOT" \
                    and not relative and not aside:
                continue
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
                continue  # "is expected to", "was reported": no speaker
            before = sent.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
            announced = _after_colon(verb, sent)  # "Here is what a former minister told us: S"
            described = _described_as(verb) if settings.get("requires") == "as" else None
            if announced is None and described is None and (
                    any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in verb.children)
                    or before is not None and before.lower_ == "what"):
                continue  # "what it called a warning", "what it said was …": a name for something, not a statement
            announced = announced or described
            speakers = self._speakers(verb)
            if not speakers:
                continue
            subject = speakers[0]
            owner = [c for c in sent.root.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")] \
                if aside and subject.root.tag_ == "PRP" and subject.root.lower_ not in FIRST_PERSON_SUBJECTS else []
            if owner:  # "X warned against Y, which it said would S": the pronoun is X, the sentence's subject
                speakers = [self._phrase(owner[0])]
                subject = speakers[0]
            first_person = subject.root.lower_ in FIRST_PERSON_SUBJECTS
            if any(c.lower_ in ("no", "neither") for c in subject.root.children if c.dep_ == "det"):
                continue  # "no group claimed the attack"
            if not first_person and _modal(verb):
                continue  # "Tehran could say …" is no statement made
            if _negated(verb) and not (first_person and settings.get("author")):
                continue
            if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.refusals:
                continue  # "declined to say whether S", "refused to confirm S": nothing stated
            if any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVES for c in verb.children):
                continue  # "the generals told themselves that S": a belief kept to oneself, not a statement
            content = announced or self._content(verb, settings, sent, page, first_person)
            if content is None:
                continue
            if aside:  # the relative pronoun before "I suspect" is the aside's subject, not its content
                content = trim(doc_text(sent.doc), max(content[0], verb.idx + len(verb.text)), content[1])
            paragraph = paragraph_of(doc_text(sent.doc), verb.idx)
            for speaker in speakers:
                # "…, a consultant in Caracas, who expects S": keyed to "who", typed as the consultant
                typed = self._phrase(_antecedent(verb)) if relative and speaker is subject else speaker
                if page.in_quote(speaker.start_char) or not self.typer.is_speaker(typed) \
                        or not speaker.text or TIMESTAMP.match(speaker.root.text) \
                        or not paragraph[0] <= speaker.start_char <= paragraph[1] or page.skipped(*paragraph):
                    continue
                s_range = (speaker.start_char, speaker.end_char)
                if content[0] < s_range[0] < content[1] and speaker.root.dep_ in ("appos", "conj"):
                    # a misparsed subject (see _adjacent_subject) inside its own content
                    later = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
                    content = token_range(later, sent) if later else trim(doc_text(sent.doc), content[0], s_range[0])
                if first_person and speaker is subject:
                    s_range = (speaker.start_char, verb.idx + len(verb.text))
                drafts.append(Draft(s_range, content, verb.text, None if first_person else typed,
                                    author=first_person, verb_at=verb.idx, lemma=verb.lemma_.lower(),
                                    contrast=_contrast_mark(verb, True) is not None or self._coordinate(verb),
                                    aside=_relative_aside(verb) or described is not None or aside,
                                    governors=frozenset(a.idx for a in verb.ancestors)))
        return _outer_only(drafts)

    def _speakers(self, verb: Token) -> list[SpacySpan]:
        """Who says it: the subject (inherited up conj/advcl chains) and any carried source."""
        contact = misparses.contact_clause(verb)
        if contact is not None:
            return [contact]
        token, found = verb, []
        for _ in range(4):
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and not TIMESTAMP.match(c.text)
                        and not _dateline(c)]
            if len(subjects) > 1:  # two subjects: the parser ran two sentences together; the nearest one speaks
                before = [c for c in subjects if c.i < token.i]
                subjects = before[-1:] or subjects
            if not subjects and token.dep_ in ("acl", "relcl") and token.tag_ in ("VBD", "VBN") and token.head.dep_ == "ROOT" \
                    and token.head.pos_ in ("PROPN", "NOUN"):
                subjects = [token.head]  # a misparse: "X, the group's leader, posted that …" with X as root
            if subjects:
                phrase = self._phrase(subjects[0])
                if phrase.start < token.i < phrase.end:  # the misparse above: the phrase stops before the verb
                    phrase = misparses.before(phrase, token)
                found.append(phrase)
                break
            head = token.head
            if token.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_.lower() in self.carrying:
                quoting = head.head  # "X quoted Y as saying", "Y was quoted as saying"
                passive = [c for c in quoting.children if c.dep_ == "nsubjpass"]
                if passive:  # "Y was quoted (by X) as saying": Y, and X when named
                    agents = [g for c in quoting.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                    return [self._phrase(passive[0])] + [self._phrase(a) for a in agents]
                found += [self._phrase(c) for c in quoting.children if c.dep_ in ("nsubj", "dobj")]
                return found
            adjacent = None if token is not verb else (misparses.adjacent_subject(verb) or misparses.paragraph_opening(verb)
                                                       or misparses.subject_before_aside(verb))
            if adjacent is not None:
                found.append(adjacent if isinstance(adjacent, SpacySpan) else self._phrase(adjacent))
                break
            if token.dep_ not in INHERITING or head.i == token.i:
                return []
            if token.dep_ == "advcl" and token.tag_ != "VBG":
                return []
            if head.dep_ in EMBEDDED and head.lemma_.lower() not in self.verbs and not _relative_aside(token):
                return []  # "denied that Moscow had …, calling …": the caller is not Moscow
            token = head
        found = [self._inparagraph(phrase, verb) for phrase in found]
        found = [phrase for phrase in found if phrase is not None]
        for carrier in self._carriers(verb, token):
            found += [self._phrase(c) for c in carrier.children if c.dep_ == "dobj"]
        return found + self._issuers(verb)

    def _issuers(self, verb: Token) -> list[SpacySpan]:
        """"KCNA carried a statement from the defence ministry saying S": the outlet says S by carrying it,
        and so does the body the statement is from."""
        head = verb.head
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or head.i == verb.i:
            return []
        documents = self.typer.words["documents"]
        statements = [head] if head.lemma_.lower() in documents else \
            [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in documents]
        if not statements:
            return []
        preps = [c for t in (statements[0], statements[0].head) for c in t.children
                 if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > statements[0].i]
        return [self._phrase(g) for p in preps[:1] for g in p.children if g.dep_ == "pobj"]

    def _inparagraph(self, phrase: SpacySpan, verb: Token) -> SpacySpan | None:
        """A subject the parser stretched over a paragraph break (a signature line above "Biden said"):
        the noun phrase of it that stands in the verb's paragraph."""
        paragraph = paragraph_of(doc_text(verb.doc), verb.idx)
        if paragraph[0] <= phrase.root.idx <= paragraph[1]:
            return phrase
        for token in phrase.root.subtree:
            if paragraph[0] <= token.idx < verb.idx and token.pos_ in ("PROPN", "NOUN") \
                    and not paragraph[0] <= token.head.idx <= paragraph[1]:
                return self._phrase(token)
        return None

    def _carriers(self, verb: Token, subject_holder: Token | None = None) -> list[Token]:
        """"citing Y" / "quoting Y" asides of a reporting verb, wherever the parser hung them."""
        near = list(verb.children)
        if subject_holder is not None:
            near += [c for s in subject_holder.children if s.dep_ in SUBJECT_DEPS for c in s.children]
        near += [c for k in verb.children if k.dep_ in ("ccomp", "conj") for c in k.children if c.i < _clause_start(k)]
        own = _clause_start(verb)  # "X is reporting, citing Y, that Z told …": Y is carried by X, not by Z
        return [c for c in near if c.lemma_.lower() in self.carrying and c.tag_ == "VBG" and not c.i < own < verb.i]

    def _phrase(self, head: Token) -> SpacySpan:
        """The speaker phrase of a subject: its subtree, cut before a "citing …" aside."""
        tokens = [t for t in head.subtree]
        end = head.right_edge.i + 1
        for t in tokens:
            carried = t.lemma_.lower() in self.carrying and t.tag_ == "VBG"
            speaking = t.dep_ == "relcl" and t.lemma_.lower() in self.verbs  # "…, who expects S": a claim of its own
            if t.i > head.i and (carried or speaking):
                end = t.left_edge.i if speaking else t.i
                break
            if t.i > head.i and t.text == ":":  # "what a general told me: S" parsed with S under "general"
                end = t.i
                break
            if t.i > head.i and self._publisher(t) is not None:  # "a joint statement carried by X": X speaks apart
                end = t.i
                break
        start = head.left_edge.i
        doc = head.doc
        inside = {t.i for t in tokens}
        end = next((i for i in range(head.i + 1, end) if i not in inside), end)  # a gap: the verb itself
        while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
            end -= 1
        glued = [t.i for t in doc[start:end - 1] if GLUED_STOP.match(t.text)]
        if glued:  # "… named Iron Tide-7B. Japan's ministry said": a full stop read into a name ends a sentence
            start = glued[-1] + 1  # the speaker is written after it, whichever side the parser put the head
        while start < head.i and (doc[start].is_punct or TIMESTAMP.match(doc[start].text)):
            start += 1
        para = paragraph_of(doc_text(doc), head.idx)
        dateline = DATELINE.match(doc_text(doc)[para[0]:para[1]])
        opening = para[0] + dateline.end() if dateline and para[0] + dateline.end() <= head.idx else para[0]
        while doc[start].idx < opening:  # not across a paragraph break, nor into "SEOUL, Oct 15 (Reuters) -"
            start += 1
        while end - 1 > head.i and doc[end - 1].idx >= para[1]:
            end -= 1
        return doc[start:end]

    def _content(self, verb: Token, settings: dict, sent: SpacySpan, page: Page,
                 first_person: bool) -> tuple[int, int] | None:
        if settings.get("objects") or settings.get("numeric"):  # verbs of giving figures state their object only
            found = self._object(verb, settings, sent)
            paragraph = paragraph_of(doc_text(sent.doc), verb.idx)
            found = found and trim(doc_text(sent.doc), found[0], min(found[1], paragraph[1]))
            return found if found and found[1] - found[0] >= 3 else None
        clauses = self._own_clauses(verb, [c for c in verb.children if c.dep_ == "ccomp"])
        if clauses:  # "told X that S1 and that S2" with S2 hung on the verb as a conjunct
            clauses += [c for c in verb.children if c.dep_ == "conj" and c.i > clauses[-1].i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        if not clauses and (first_person or settings.get("author") or settings.get("infinitive")):
            clauses = [c for c in verb.children if c.dep_ == "xcomp"]  # "vowed to retaliate", "urged Kyiv to withdraw"
        if not clauses:  # "called for him to resign": a demand with a clause of its own
            clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                       and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                       and any(n.dep_ == "nsubj" for n in c.children)]
        if not clauses:
            for carrier in verb.children:
                if carrier.lemma_.lower() in self.carrying and carrier.tag_ == "VBG":
                    clauses = [c for c in carrier.children if c.dep_ == "ccomp"]
        found = None
        if clauses:
            objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < min(k.i for k in clauses)
                       and verb.lemma_.lower() not in ADDRESSEE_VERBS]
            found = token_range(clauses + objects, sent)
            for carrier in self._carriers(verb):
                if found[0] <= carrier.idx < found[1]:  # "reported, citing Y, that S": S without the aside
                    after = trim(doc_text(sent.doc), carrier.right_edge.idx + len(carrier.right_edge.text), found[1])
                    found = _skip_that(doc_text(sent.doc), after)
        elif settings.get("object") or first_person and settings.get("author"):
            found = self._object(verb, settings, sent)
        if found is None and not settings.get("object"):
            found = misparses.clause_as_object(verb, sent)
        if found is None and settings.get("object"):
            # "reported tracking 76 aircraft", "denied carrying out", "claimed to have killed 20"
            verbal = [c for c in verb.children if c.dep_ == "xcomp" or c.dep_ == "ccomp" and c.tag_ == "VBG"]
            found = token_range(verbal, sent) if verbal else None
        if found is None:
            found = that_clause(verb, sent, page, self.complement_nouns)
        if found is None and first_person:
            found = previous_question(sent)
        if found is None:
            found = self._inverted(verb, sent) or misparses.before_speaker(verb, sent) or _answer(verb, sent) \
                or misparses.hung_elsewhere(verb, sent) or _after_contact(verb, sent)
        if found is not None:
            text = doc_text(sent.doc)
            paragraph = paragraph_of(text, verb.idx)
            found = (max(found[0], paragraph[0]), min(found[1], paragraph[1]))
            semicolon = text.find(";", found[0], found[1])
            if semicolon > verb.idx:
                found = trim(text, found[0], semicolon)
            colon = text.find(": ", found[0], found[1])
            if colon > verb.idx and not page.in_quote(colon) and self._speaker_after(sent, colon, found[1]):
                found = trim(text, found[0], colon)  # "I think S: X has threatened T" — T is X's claim
            for token in sent:  # "A said S, while B claimed T": S stops before "while"
                if token.lower_ == "according" and verb.idx < token.idx < found[1] and found[0] < token.idx:
                    found = trim(text, found[0], token.idx)  # "X briefed lawmakers that S, according to Y"
                    break
                mark = _contrast_mark(token, token.lemma_.lower() in self.verbs) if found[0] < token.idx < found[1] else None
                if mark is not None and mark.idx > found[0] and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                    found = trim(text, found[0], mark.idx)
                    break
                if token.i != verb.i and found[0] < token.left_edge.idx < found[1] and token.lemma_.lower() in self.verbs \
                        and _speaker_aside(token):
                    found = trim(text, found[0], token.left_edge.idx)
                    break  # "S, which I suspect is optimistic": another's aside is not the speaker's
                if found[0] < token.left_edge.idx < found[1] and token.i != verb.i and self._coordinate(token):
                    joint = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
                    found = trim(text, found[0], joint[-1].idx if joint else token.left_edge.idx)
                    break  # "says S, and Egyptian officials estimate T": T is theirs, beside S
                aside = [c for c in token.children if _relative_aside(c) and c.lemma_.lower() in self.verbs] \
                    if found[0] < token.idx < found[1] and token.i != verb.i else []
                if aside and token.head.left_edge.idx > found[0]:  # "… — a label its owner rejected, saying T"
                    found = trim(text, found[0], token.head.left_edge.idx)
                    break
            dateline = DATELINE.match(text[found[0]:found[1]])
            if dateline:
                found = (found[0] + dateline.end(), found[1])
            dative = OBJECT_PRONOUN.match(doc_text(sent.doc)[found[0]:found[1]])
            if dative:
                found = (found[0] + dative.end(), found[1])
            found = _skip_that(text, found)
            if first_person and ELLIPTICAL.match(text[found[0]:sent.end_char]):
                found = previous_question(sent) or found  # "Will X? I think it will.": the question's clause
        if found is not None and found[1] <= verb.idx:  # "Asked whether S, the official replied: “T”": T, not S
            after = page.adjacent_quote(verb, sent)  # (but "S, Peskov said, “in view of T”" goes on with S)
            found = None if after is not None and ":" in doc_text(sent.doc)[verb.idx:after[0]] else found
        quote = page.adjacent_quote(verb, sent) if found is None else page.quote_over(*found)
        if quote is not None:
            found = page.with_continuation(quote, sent, self._has_own_verb)
        if found is None or found[1] - found[0] < 3:
            return None
        return found

    def _coordinate(self, verb: Token) -> bool:
        """A verb of saying joined by "and"/"but" to a clause that is not itself one, with a named subject of its
        own: "X says S, and Egyptian officials estimate T" — a statement beside X's, not inside it."""
        head = verb.head
        return verb.dep_ == "conj" and head.i < verb.i and verb.lemma_.lower() in self.verbs and verb.pos_ == "VERB" \
            and head.lemma_.lower() not in self.verbs \
            and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)

    def _speaker_after(self, sent: SpacySpan, start: int, end: int) -> bool:
        """A verb of saying with a subject of its own between ``start`` and ``end``."""
        return any(start < t.idx < end and t.lemma_.lower() in self.verbs and t.pos_ == "VERB"
                   and any(c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON_SUBJECTS for c in t.children)
                   for t in sent)

    @staticmethod
    def _own_clauses(verb: Token, clauses: list[Token]) -> list[Token]:
        """Clauses the parser hung on the verb that are really its content: same paragraph, and not a
        separate statement before a semicolon ("A said S; B estimated X")."""
        doc = verb.doc
        paragraph = paragraph_of(doc_text(doc), verb.idx)
        kept = []
        for clause in clauses:
            if not paragraph[0] <= clause.idx <= paragraph[1]:
                continue
            if clause.i < verb.i and any(t.text in (";", ":") for t in doc[clause.right_edge.i:verb.i]):
                continue
            if clause.i < verb.i and any(c.dep_ == "mark" and c.lower_ == "that" and c.i > clause.i for c in verb.children):
                continue  # "X is reporting, citing Y, that Z told W S" parsed upside down: X reports, not Z
            if clause.i > verb.i and any(t.text == ";" for t in doc[verb.i:clause.left_edge.i + 1]):
                continue  # "said that S; it did not address T": T is the writer's, not the speaker's
            before = doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
            if clause.i > verb.i and before is not None and before.lower_ in ("and", "but", ";") \
                    and any(c.dep_ == "nsubj" for c in clause.children):
                continue  # "warned of a response and Zarif accused …": a second statement, not content
            kept.append(clause)
        return kept

    def _object(self, verb: Token, settings: dict, sent: SpacySpan) -> tuple[int, int] | None:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        needed = settings.get("requires")
        if not objects or any(c.dep_ == "prt" for c in verb.children):
            return None
        if objects[0].lower_ in ("other", "another", "that", "which", "who", "whom") or objects[0].head.i != verb.i:
            return None  # "blamed each other", "drills that Pyongyang denounces as …": no content
        if objects[0].pos_ == "PRON" and not needed:
            return None
        if settings.get("objects") and objects[0].lemma_.lower() not in settings["objects"]:
            return None  # "gave a figure of 471" states something; "gave a speech" does not
        if settings.get("numeric") and not any(t.like_num for t in objects[0].subtree):
            return None  # "counted 310 strikes" states a figure; "counted the votes" does not
        if needed == "oprd" and not any(c.dep_ == "oprd" for c in verb.children):
            predicate = misparses.predicate_as_apposition(objects[0]) or misparses.quoted_predicate(verb) \
                or misparses.run_together(objects[0])
            if predicate is not None:  # "called the seizure 'an act of piracy'", the predicate misread
                return char_range(objects[0].left_edge if objects[0].i > verb.i else verb.doc[verb.i + 1], predicate, sent)
        if needed:
            kids = {c.lower_ for c in verb.children} | {c.lower_ for c in objects[0].children}
            deps = {c.dep_ for c in verb.children}
            later = {t.lower_ for t in verb.subtree if t.i > objects[0].i}
            if needed not in kids and needed not in deps and needed not in later:
                return None
        # the object with what completes it ("at 300", "of shelling the dam", "a lie"), not a clause joined by "and"
        parts = [objects[0]] + [c for c in verb.children if c.i > objects[0].i and c.dep_ in ("prep", "oprd", "xcomp", "ccomp", "npadvmod")]
        last = max((p.right_edge for p in parts), key=lambda t: t.i)
        return char_range(objects[0].left_edge, last, sent)

    def _inverted(self, verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """"S, X said": the verb hangs off the clause it reports (parataxis, conj or ccomp after it)."""
        head = verb.head
        if verb.dep_ == "parataxis" and head.i > verb.i:  # "Of those, it said, 40 were shot down"
            tokens = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
            return char_range(tokens[0], tokens[-1], sent) if tokens else None
        if verb.dep_ not in ("parataxis", "ccomp", "conj") or not head.i < verb.i:
            return None
        left = verb.left_edge
        if head.lemma_.lower() in self.verbs or head.lemma_.lower() in self.carrying or left.i == 0:
            return None
        if not (left.is_punct or verb.doc[left.i - 1].text in (",", "—", "–")):
            return None
        if any(t.lower_ in ("whatever", "what", "whoever") for t in verb.subtree):
            return None
        coordinated = any(c.dep_ == "cc" and c.i < verb.i for c in [*verb.children, *head.children])
        if verb.dep_ == "conj" and coordinated and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None  # "X met and, according to Y, called for T": a second predicate of X, not "S, X said"
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        tokens = [t for t in head.subtree if t.i < verb.left_edge.i]
        if tokens:
            return char_range(tokens[0], tokens[-1], sent)
        return None

    def _has_own_verb(self, tokens: list[Token], quote: Quote) -> bool:
        return any(t.lemma_.lower() in self.verbs and t.pos_ == "VERB" and not quote.contains(t.idx, t.idx + 1)
                   for t in tokens)

    # -- according to -------------------------------------------------------------------------
    def _according_to(self, sent: SpacySpan, page: Page) -> list[Draft]:
        drafts = []
        for token in sent:
            if token.lower_ != "according" or page.in_quote(token.idx):
                continue
            objects = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if not objects:
                continue
            speaker = self._phrase(objects[0])
            clause = _clause_in_phrase(objects[0])
            if clause is not None:  # "according to the board they approved all of them": the clause is content
                speaker = sent.doc[speaker.start:clause.left_edge.i]
            phrase_end = speaker.end_char if clause is not None else token.right_edge.idx + len(token.right_edge.text)
            text = doc_text(sent.doc)
            paragraph = paragraph_of(text, token.idx)
            start, end = max(sent.start_char, paragraph[0]), min(sent.end_char, paragraph[1])
            before = [t for t in sent.doc[sent.start:token.i] if not t.is_punct]
            joined = bool(before) and before[-1].lower_ in ("and", "but")  # "and, according to X, …" too
            if token.idx - start < 3 or joined:  # "…, and according to X they answered yes": the clause after
                content = trim(text, phrase_end, end)
            else:
                content = trim(text, start, token.idx)
            if content[1] - content[0] > 3:
                drafts.append(Draft((speaker.start_char, speaker.end_char), content, "according to", speaker))
        return drafts

    def _publisher(self, token: Token) -> Token | None:
        """The outlet in "a statement carried by X", "a report published by X": a verb of publishing as a
        participle after a document, with its agent."""
        if token.lemma_.lower() not in self.publishing or token.tag_ != "VBN" or token.dep_ != "acl" \
                or token.head.lemma_.lower() not in self.typer.words["documents"]:
            return None
        return next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)

    def _published(self, sent: SpacySpan, drafts: list[Draft]) -> list[Draft]:
        """"X said in a statement carried by Y", "according to a statement carried by Y", "S, naming them in a
        report carried by Y": the outlet that carries the document says what it says, one claim beside the
        source's. The content is that of the nearest claim in the sentence, without the carrying phrase."""
        text = doc_text(sent.doc)
        found = []
        for token in sent:
            agent = self._publisher(token)
            others = [d for d in drafts if not d.author]
            if agent is None or not others:
                continue
            owner = min(others, key=lambda d: _distance(d, token.idx))
            document = token.head.left_edge.idx
            if owner.content[0] < document < owner.content[1]:  # "S, naming them in a report carried by Y"
                comma = text.rfind(",", owner.content[0], document)
                if comma > owner.content[0]:
                    owner.content = trim(text, owner.content[0], comma)
            outlet = self._phrase(agent)
            kind = "outlet" if self.publishing[token.lemma_.lower()].get("outlet") else ""
            found.append(Draft((outlet.start_char, outlet.end_char), owner.content, token.text, outlet, kind=kind))
        return found

    def _statement_from(self, sent: SpacySpan, page: Page) -> list[Draft]:
        """"Statement from President X: S" (a live-blog or web heading introducing a statement)."""
        drafts = []
        for m in STATEMENT_FROM.finditer(sent.text):
            start, end = sent.start_char + m.start("who"), sent.start_char + m.end("who")
            if page.in_quote(start):
                continue
            speaker = sent.doc.char_span(start, end, alignment_mode="expand")
            content = trim(doc_text(sent.doc), sent.start_char + m.end(), sent.end_char)
            if speaker is not None and content[1] - content[0] > 3:
                drafts.append(Draft((start, end), content, m.group(1), speaker))
        return drafts

    # -- the author ---------------------------------------------------------------------------
    def _author(self, sent: SpacySpan, page: Page) -> list[Draft]:
        """The writer's own cues ("in my view, S"), and "in his view, S" keyed to the pronoun."""
        drafts = []
        text = doc_text(sent.doc)
        for pattern, author in ((self.author_cue, True), (self.pronoun_view, False)):
            if pattern is None:
                continue
            for m in pattern.finditer(sent.text):
                start, end = sent.start_char + m.start(), sent.start_char + m.end()
                if page.in_quote(start) or page.skipped(start, end):  # a block quote's words are its speaker's
                    continue
                if self.content_before is not None and self.content_before.fullmatch(m.group()):
                    clause_start = max(sent.start_char, text.rfind(";", sent.start_char, start) + 1)
                    content = trim(text, clause_start, start)
                elif re.match(r"\s*[:;—–]", text[end:end + 3]) and trim(text, sent.start_char, start)[1] > sent.start_char + 3:
                    content = trim(text, sent.start_char, start)  # "Not this year, in my view: the reasons …"
                else:
                    semicolon = text.find(";", end, sent.end_char)
                    content = _skip_that(text, trim(text, end, sent.end_char if semicolon < 0 else semicolon))
                if content[1] - content[0] < 3:  # "Probably, in my view."
                    content = trim(text, sent.start_char, start)
                if text[content[0]:content[1]].lower() in ("this", "that", "simple", "so"):
                    content = (end, end)  # "My reading is this:" — the next sentence says it
                if content[1] - content[0] < 3:
                    following = next_sentence(sent)
                    if following is None:
                        continue
                    content = trim(text, following.start_char, following.end_char)
                speaker = None
                if not author:
                    pronoun = next(t for t in sent if t.idx >= start + 3)
                    speaker = sent.doc[pronoun.i:pronoun.i + 1]
                drafts.append(Draft((start, end), content, m.group(), speaker, author=author))
        return drafts

    # -- signed posts -------------------------------------------------------------------------
    def _signed_posts(self, doc: Doc, page: Page) -> list[Draft]:
        drafts = []
        text = doc_text(doc)
        for m in SIGNATURE.finditer(text):
            block_end = m.start()
            while block_end > 0 and text[block_end - 1] in " \t\n":
                block_end -= 1
            block_start = text.rfind("\n\n", 0, block_end)
            block_start = 0 if block_start < 0 else block_start + 2
            if block_end - block_start < 10:
                continue
            content = trim(text, block_start, block_end)
            who0, who1 = m.start("who"), m.end("who")
            name_end = text.rfind("(", who0, who1)
            span = doc.char_span(who0, name_end if name_end > who0 else who1, alignment_mode="expand")
            drafts.append(Draft((who0, who1), content, "signature", span))
            page.taken.append((block_start, m.end()))
        for m in QUOTE_SIGNED.finditer(text):  # > “…” — a commander, in an audio message
            if page.skipped(m.start(), m.end()):
                continue
            who0, who1 = m.start("who"), m.end("who")
            span = doc.char_span(who0, who1, alignment_mode="expand")
            if span is not None:
                drafts.append(Draft((who0, who1), _unquoted(text, m.start("quote"), m.end("quote")), "signature", span))
                page.taken.append((m.start(), m.end()))
        return drafts + self._introduced_blocks(doc, page)

    def _introduced_blocks(self, doc: Doc, page: Page) -> list[Draft]:
        """A quote set off as its own paragraph after a line ending in a colon ("X's reply was defiant:",
        "X sent me this analysis:"): the quote is the claim of the introducing sentence's subject. A block
        without quote marks counts when the line says it is speech ("X added:", "in a statement:"), since
        an unmarked paragraph after a colon may as well be the writer's list or explanation."""
        drafts = []
        text = doc_text(doc)
        for m in re.finditer(r":[ \t]*\n\s*\n?", text):
            block = paragraph_of(text, m.end())
            if page.skipped(*block) or page.skipped(m.start(), m.start() + 1) or block[1] - block[0] < 10:
                continue
            intro = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
            if intro is None:
                continue
            begin = max(intro.sent.start_char, paragraph_of(text, m.start())[0])
            line = doc.char_span(begin, m.start(), alignment_mode="expand") or doc[0:0]
            subjects = [t for t in line if t.dep_ == "nsubj" and begin <= t.head.idx < m.start()]
            if not subjects or subjects[0].lower_ in FIRST_PERSON_SUBJECTS or subjects[0].lower_ in ("here", "this", "it", "there"):
                continue
            if not QUOTE_BLOCK.match(text[block[0]:block[1]]) and not self._announces_speech(line, subjects[0]):
                continue
            speaker = self._phrase(subjects[0])
            if not self.typer.is_speaker(speaker) or page.in_quote(speaker.start_char):
                continue
            drafts.append(Draft((speaker.start_char, speaker.end_char), _unquoted(text, *block), "block quote", speaker))
            page.taken.append(block)
            page.introductions.append((speaker.start_char, m.start()))
        return drafts

    def _announces_speech(self, line: SpacySpan, subject: Token) -> bool:
        """An introducing line that names speech: its subject's verb is one of saying ("he said:"), or the
        line names a statement, post or message ("went further, in a statement:")."""
        verb = subject.head
        saying = verb.lemma_.lower() in self.verbs and verb.lemma_.lower() not in self.observing and not _negated(verb)
        return saying or any(t.lemma_.lower() in self.typer.words["documents"] for t in line)

    # -- memory of persons named as subjects --------------------------------------------------
    def _note_subjects(self, sent: SpacySpan, page: Page, memory: SpeakerMemory,
                       speakers: list[tuple[int, int]]) -> None:
        """Persons the sentence is about without a claim of theirs in it ("A retired general, who asked not to
        be named, put it bluntly." before '"…," he said'): "he" may refer back to them."""
        for token in sent:
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN") \
                    and not page.in_quote(token.idx) and not page.skipped(token.idx, token.idx + 1) \
                    and not any(a <= token.idx < b for a, b in speakers):
                phrase = self._phrase(token)
                kind, actor = self.typer.kind(phrase, self.book, None, memory)
                if kind == "named_person" or kind in ("anonymous", "official") and self.typer.is_person(kind, token) \
                        and not self._narrating(token.head):
                    memory.note(kind, token, kind == "named_person" or self.typer.is_person(kind, token), actor, phrase.text)


    def _narrating(self, verb: Token) -> bool:
        """A verb that made no claim here: not one of saying, or one that states only figures ("has
        given the tally" before the tally itself)."""
        return self.verbs.get(verb.lemma_.lower()) is None or verb.lemma_.lower() in self.observing


# -- helpers ----------------------------------------------------------------------------------

def _merge(drafts: list[Draft]) -> list[Draft]:
    """One claim per speaker per sentence: "said A, adding B", "called X … and said Y"."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.content[0]):
        same = next((m for m in merged if (m.author and draft.author and _overlap(m.content, draft.content)) or
                     (m.speaker == draft.speaker and m.author == draft.author) or
                     (not m.author and not draft.author and _pronoun_twice(m, draft))), None)
        if same is None:
            merged.append(draft)
            continue
        same.content = (min(same.content[0], draft.content[0]), max(same.content[1], draft.content[1]))
    return merged


def _expansion(speaker: SpacySpan) -> SpacySpan | None:
    """The full name an acronym stands for, written out earlier in the text ("the Joint Chiefs of Staff
    … the JCS said"): the acronym is the same speaker and takes that name's kind."""
    head = speaker.root
    acronym = head.text.replace(".", "")
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    text = doc_text(speaker.doc)
    found = None
    for run in CAPITALISED_RUN.finditer(text, 0, speaker.start_char):
        words = [(m.start(), m.group()) for m in re.finditer(r"[\w’'-]+", run.group())]
        for k, (offset, _) in enumerate(words):
            initials = "".join(w[0] for _, w in words[k:] if w[0].isupper())
            if initials == acronym and words[k][1][0].isupper():
                found = (run.start() + offset, run.end())
                break
    return speaker.doc.char_span(*found, alignment_mode="expand") if found else None


def _attributed_once(verb_drafts: list[Draft], according: list[Draft], observing: set[str]) -> list[Draft]:
    """"Taipei counted 49 aircraft, according to its defence ministry": the sentence is the ministry's; a
    verb of counting or recording inside it narrates what the source says and is no claim of its own."""
    kept = [d for d in verb_drafts if not (d.lemma in observing and any(
        d.content[0] <= a.speaker[0] <= d.content[1] + 20 or _overlap(a.content, d.content) for a in according))]
    return kept + according


def _introducing(draft: Draft, page: Page) -> bool:
    """A verb on a line that introduces a block quote ("In a video statement, he said:") read as "S, X said":
    what it says is the block below, not the words before it."""
    return any(a <= draft.speaker[0] < b and draft.content[1] <= draft.speaker[0] for a, b in page.introductions)


def _without_repeats(claims: list[Claim]) -> list[Claim]:
    """One claim where two cues found the same one: "X put it this way:" read both as a verb with an
    adjacent quote and as the line introducing a block quote, or a "statement from X" heading read as a
    heading and as an introduction. Same speaker words, same content: the first is kept."""
    kept: list[Claim] = []
    for claim in claims:
        if not any(_overlap(_range(k.speaker.span), _range(claim.speaker.span))
                   and _overlap(_range(k.content), _range(claim.content)) for k in kept):
            kept.append(claim)
    return kept


def _range(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _alternation(patterns: set[str], where: str) -> re.Pattern | None:
    """One case-insensitive regex over the data file's patterns, longest first, at word boundaries."""
    if not patterns:
        return None
    ordered = sorted(patterns, key=len, reverse=True)
    for pattern in ordered:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DataError(f"claims/{where}: bad pattern {pattern!r}: {exc}") from exc
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)", re.I)


def _skip_that(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Content without a leading "that" or "only that" ("would say only that S")."""
    start, end = span
    if text[start:start + 5].lower() == "only ":
        start += 5
    if text[start:start + 5].lower() == "that ":
        start += 5
    return start, end


def _after_colon(verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """"what X told us: S" — the words after the colon that closes the verb's phrase, to the paragraph's end."""
    doc = sent.doc
    if not any(t.lower_ == "what" for t in doc[max(0, verb.i - 12):verb.i]):
        return None
    colon = next((t for t in doc[verb.i + 1:min(len(doc), verb.i + 5)] if t.text == ":"), None)
    if colon is None:
        return None
    found = trim(doc_text(doc), colon.idx + 1, paragraph_of(doc_text(doc), colon.idx)[1])
    return found if found[1] - found[0] > 3 else None


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """A block's text without the quote marks (or "> ") around it."""
    start, end = trim(text, start, end)
    while start < end and text[start] in ">“\"' ":
        start += 1
    while end > start and text[end - 1] in "”\"' ":
        end -= 1
    return trim(text, start, end)


def _answer(verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """"Will X? Probably not, says Y.": a short verbless answer before the comma, after a question."""
    doc = sent.doc
    commas = [t for t in doc[sent.start:verb.i] if t.text == ","]
    if not commas or sent.start == 0 or not doc[sent.start - 1].sent.text.rstrip().endswith("?"):
        return None
    head = doc[sent.start:commas[-1].i]
    if not 0 < len(head) <= 8 or any(t.pos_ in ("VERB", "AUX") for t in head):
        return None
    return trim(doc_text(doc), head.start_char, commas[-1].idx)


def _antecedent(relative_verb: Token) -> Token:
    """The noun a "who" clause is about, past appositions and places ("X, a consultant in Caracas, who
    expects …" → X)."""
    head = relative_verb.head
    for _ in range(6):
        if head.dep_ == "pobj" and head.ent_type_ in ("GPE", "LOC", "FAC") and head.head.dep_ == "prep":
            head = head.head.head
        elif head.dep_ == "appos" and head.head.i != head.i:
            head = head.head
        else:
            break
    return head


def _speaker_aside(verb: Token) -> bool:
    """"…, which I suspect is optimistic", "the militia, which Ankara says is linked to the PKK": a relative
    clause in which a speaker of its own says something of the noun. The relative pronoun is the subject
    of the clause said, not of the verb of saying."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") and g.tag_ in ("WP", "WDT") for g in c.children)
               for c in verb.children)


def _after_contact(verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """"An official I spoke to insisted S" parsed with the verb inside the relative clause (the object of
    "to") and S as the sentence's root: the content is the rest of the sentence."""
    if misparses.contact_clause(verb) is None or any(c.dep_ not in ("punct",) for c in verb.children):
        return None
    end = sent.end_char
    return trim(doc_text(sent.doc), verb.idx + len(verb.text), end) if end > verb.idx + len(verb.text) + 3 else None


def _clause_in_phrase(noun: Token) -> Token | None:
    """A full clause the parser hung on a noun as a relative clause with no relative pronoun ("the board they
    approved all of them"): a subject and an object of its own, so no gap for the noun to fill."""
    for child in noun.children:
        deps = {c.dep_: c for c in child.children}
        if child.dep_ == "relcl" and child.i > noun.i and "nsubj" in deps and "dobj" in deps \
                and deps["nsubj"].tag_ not in ("WP", "WDT") and deps["dobj"].tag_ not in ("WP", "WDT"):
            return child
    return None


def _mistagged_verb(token: Token) -> bool:
    """"I very much doubt that S" with "doubt" tagged a noun: a word with a subject and a clause of its own."""
    deps = {c.dep_ for c in token.children}
    return token.pos_ == "NOUN" and "nsubj" in deps and "ccomp" in deps


def _dateline(token: Token) -> bool:
    """A place name that opens a paragraph as a dateline ("TAIPEI —", "KHARTOUM, May 3 (Reuters) -"): the
    parser may hang it on the verb as a subject, but it only says where the story was filed."""
    text = doc_text(token.doc)
    paragraph = paragraph_of(text, token.idx)
    return token.idx - paragraph[0] < 3 and token.text.isupper() and DATELINE.match(text[paragraph[0]:paragraph[1]]) is not None


def _modal(verb: Token) -> bool:
    """"could say", "might claim": no statement made. "will say" is one, and so is "would say only
    that S" / "would only confirm S", the narrative past of what someone was willing to say."""
    modals = [c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("will", "'ll")]
    if not modals:
        return False
    limited = any(t.lower_ == "only" and t.i > modals[0].i for t in verb.doc[modals[0].i:verb.i + 3])
    return not (limited and all(m.lower_ in ("would", "'d") for m in modals))


def _negated(verb: Token) -> bool:
    """"did not say", "neither confirmed nor denied" (also the second verb). A "not" cut off by a comma
    ("Probably not, says X") answers a question and does not negate the saying."""
    def own(token: Token) -> bool:
        return any(c.dep_ == "neg" and not _comma_between(c, token) or c.dep_ == "preconj" and c.lower_ == "neither"
                   for c in token.children)
    return own(verb) or verb.dep_ == "conj" and any(c.lower_ == "nor" for c in verb.head.children) and own(verb.head)


def _comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == "," for t in a.doc[lo + 1:hi])


def _relative_aside(verb: Token) -> bool:
    """"…, a label its owner, X, rejected, saying T": a verb of saying that qualifies a relative clause
    with a subject of its own. The subject of that clause says T, beside what the sentence reports."""
    head = verb.head
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "relcl" \
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in head.children)


def _clause_start(verb: Token) -> int:
    """Where the "that" introducing the verb's clause stands (the verb's own index without one)."""
    return next((c.i for c in verb.children if c.dep_ == "mark" and c.lower_ == "that"), verb.i)


def _described_as(verb: Token) -> tuple[int, int] | None:
    """"after what it described as a mortar attack on its positions": a characterisation the speaker
    gives, unlike the bare name of "what it called X". The content is the noun phrase after "as"."""
    if not any(c.lower_ == "what" and c.dep_ == "dobj" for c in verb.children):
        return None
    phrases = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return char_range(phrases[0].left_edge, phrases[0].right_edge, verb.sent) if phrases else None


def _contrast_mark(verb: Token, saying: bool = False) -> Token | None:
    """"while"/"whereas" before a clause with its own subject; before a verb of saying also "as"
    ("X says S as Y claims T": Y's claim stands beside X's, not inside it)."""
    marks = CONTRAST | {"as"} if saying else CONTRAST
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in marks), None)


def _distance(draft: Draft, pos: int) -> int:
    """How far a position stands from a claim's speaker and content (0 inside either)."""
    return min(0 if a <= pos < b else min(abs(pos - a), abs(pos - b)) for a, b in (draft.speaker, draft.content))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pronoun_twice(a: Draft, b: Draft) -> bool:
    """"he says A … and he warns B": the same pronoun twice in one sentence is one speaker."""
    sa, sb = a.speaker_span, b.speaker_span
    return sa is not None and sb is not None and len(sa) == 1 and sa.root.pos_ == "PRON" \
        and sa.text.lower() == sb.text.lower()


def _outer_only(drafts: list[Draft]) -> list[Draft]:
    """Drop a claim whose verb hangs below another claim's verb ("X said a general told him S") unless an
    outlet reports it or it stands beside the other ("…, while Hamas claimed T")."""
    kept = []
    for draft in drafts:
        pronoun = draft.speaker_span is not None and draft.speaker_span.root.pos_ == "PRON"
        outer = [o for o in drafts if o is not draft and o.speaker != draft.speaker and o.verb_at in draft.governors
                 and (o.content[0] <= draft.verb_at < o.content[1] or pronoun)]
        # "…, while Hamas claimed T" (but "though it cautioned" is the same speaker); "what it described as S"
        beside = draft.contrast and not pronoun or draft.aside or draft.author  # "…, which I suspect is optimistic"
        if outer and not beside and (pronoun or not any(o.lemma in NESTING_VERBS for o in outer)):
            continue
        kept.append(draft)
    return kept


def _actor_book(extra_dirs: tuple) -> Any:
    try:
        from ..actors import ActorBook
    except ImportError:  # the actors stage is not installed: spaCy labels and word lists only
        return None
    return ActorBook.load(extra_dirs)
