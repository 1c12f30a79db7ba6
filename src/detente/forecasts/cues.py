"""The forecast reader's word lists (``data/forecasts/cues.yaml``, ``speakers.yaml``, ``sides.yaml``).

Lists from the user's files at the same paths are added to the bundled ones, so a user can
teach the reader a new verb of saying, outlet or office-holder without touching code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import knowledge
from ..knowledge import DataError

CUES = "forecasts/cues.yaml"
SPEAKERS = "forecasts/speakers.yaml"
SIDES = "forecasts/sides.yaml"
LISTS = ("reporting_verbs", "frame_verbs", "commitment_verbs", "threat_phrases", "own_side_nouns",
         "observer_words", "history_markers", "condition_marks", "aside_marks",
         "boilerplate_hints", "agent_words", "normative_words", "judging_verbs", "view_nouns",
         "arrangement_verbs", "anaphoric_times", "bystander_roles", "retrospective_words",
         "talk_verbs", "reticence_verbs", "preference_words", "chance_verbs", "force_nouns")
SPEAKER_LISTS = ("outlet_words", "official_words", "org_words", "person_words", "survey_words")


@dataclass
class Cues:
    lists: dict[str, set[str]] = field(default_factory=dict)
    sides: dict[str, str] = field(default_factory=dict)  # name → side code
    version: str = ""

    def __getattr__(self, name: str) -> set[str]:
        try:
            return self.__dict__["lists"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    @classmethod
    def load(cls, extra_dirs=()) -> Cues:
        lists: dict[str, set[str]] = {k: set() for k in LISTS + SPEAKER_LISTS}
        sides: dict[str, str] = {}
        versions = []
        for rel, keys in ((CUES, LISTS), (SPEAKERS, SPEAKER_LISTS)):
            for path in knowledge.files(rel, extra_dirs):
                doc = knowledge.read_yaml(path) or {}
                if not isinstance(doc, dict):
                    raise DataError(f"{path}: expected a mapping at the top level")
                versions.append(str(doc.get("version", "?")))
                for key, values in doc.items():
                    if key == "version":
                        continue
                    if key not in keys:
                        raise DataError(f"{path}: unknown list {key!r} (known: {', '.join(keys)})")
                    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                        raise DataError(f"{path}: {key}: expected a list of words")
                    lists[key].update(v.lower() for v in values)
        for path in knowledge.files(SIDES, extra_dirs):
            doc = knowledge.read_yaml(path) or {}
            for code, names in doc.items():
                if code == "version":
                    continue
                if not isinstance(names, list):
                    raise DataError(f"{path}: {code}: expected a list of names")
                for name in names:
                    sides[str(name).lower()] = str(code)
        return cls(lists, sides, "+".join(versions))

    def side(self, text: str) -> str | None:
        """The side (country or group code) the longest name found in ``text`` belongs to."""
        low = " " + re.sub(r"[^\w.'\- ]", " ", text.lower().replace("’", "'")).replace("'s ", " ") + " "
        best = None
        for name, code in self.sides.items():
            if f" {name} " in low and (best is None or len(name) > len(best[0])):
                best = (name, code)
        return best[1] if best else None
