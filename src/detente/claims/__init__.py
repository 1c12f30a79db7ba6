"""The claims stage: who says what in a text (``Attributor``), typed speakers
(``speakers.type_speaker``), quantities (``numbers``) and the cross-article ledger
(``ledger.rebuild_ledger``)."""
from __future__ import annotations

from .attributor import Attributor

__all__ = ["Attributor"]
