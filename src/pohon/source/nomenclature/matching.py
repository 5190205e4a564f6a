"""Names compared as the nomenclature means them: the same words, whatever the case and punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import TypeVar

T = TypeVar("T")

CLOSE = 0.85
"""How alike two names must be (`likeness`) to be one name written differently:
`Penyedia Jasa Komunikasi, Sumber Daya Air dan Listrik` and `Penyediaan Jasa …` are 0.98;
two sub kegiatan of one kegiatan, `Penyediaan Sandang` and `Penyediaan Makanan`, are 0.5."""

MARGIN = 0.05
"""How far the best match must lead the second for a name to point at one entry only."""

_NOT_A_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=8192)
def comparable(text: str) -> str:
    """Lower case, every run of punctuation and space one space: `Bulanan/ Triwulanan` = `bulanan triwulanan`."""
    return _NOT_A_WORD.sub(" ", text.lower()).strip()


def same_name(written: str, official: str) -> bool:
    return comparable(written) == comparable(official)


def likeness(a: str, b: str, needed: float = 0.0) -> float:
    """How alike two names are, 0 to 1: the lower of their letters' and their words' likeness.

    Letters alone rate two short names with one word in common too high (`Penyediaan
    Sandang`, `Penyediaan Makanan`: 0.83); words alone miss a word cut short
    (`Penyedia`, `Penyediaan`), which the word comparison counts as the same word.
    Below `needed`, the word likeness is returned alone (it is an upper bound, and cheap).
    """
    left, right = comparable(a), comparable(b)
    words = _words_alike(left.split(), right.split())
    if words < needed:  # the letters cannot raise it: the word likeness will do
        return words
    return min(words, SequenceMatcher(None, left, right, autojunk=False).ratio())


@cache
def _same_word(a: str, b: str) -> bool:
    """One word, perhaps cut short or with a letter more (`Pengadaan`, `Penggandaan`)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    # the cheap upper bounds first: most pairs of words are far apart
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= 0.8
        and matcher.quick_ratio() >= 0.8
        and matcher.ratio() >= 0.8
    )


def _words_alike(left: list[str], right: list[str]) -> float:
    """2 × the longest run of words the two share in order (`_same_word`), over their count."""
    if not left or not right:
        return 0.0
    previous = [0] * (len(right) + 1)
    for word in left:
        current = [0]
        for j, other in enumerate(right):
            current.append(
                previous[j] + 1 if _same_word(word, other) else max(previous[j + 1], current[j])
            )
        previous = current
    return 2 * previous[-1] / (len(left) + len(right))


def unambiguous(name: str, candidates: Sequence[tuple[str, T]]) -> tuple[T, bool] | None:
    """The one candidate `name` means, and whether the names are the same; None if none or several.

    The same name (as `same_name` compares) wins outright when only one candidate has it;
    otherwise the closest, if it is close (`CLOSE`) and clearly closer than the next (`MARGIN`).
    """
    same = [value for text, value in candidates if same_name(name, text)]
    if len(same) == 1:
        return same[0], True
    if same:
        return None
    # a candidate below CLOSE - MARGIN can neither match nor come within MARGIN of a match
    needed = CLOSE - MARGIN
    scored = sorted(
        ((likeness(name, text, needed), i) for i, (text, _) in enumerate(candidates)),
        reverse=True,
    )
    if not scored or scored[0][0] < CLOSE:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    return candidates[scored[0][1]][1], False


def search_score(query: str, text: str) -> float:
    """How well a typed text finds a name: its words found in the name, and the two alike."""
    wanted = comparable(query).split()
    words = comparable(text).split()
    if not wanted:
        return 0.0
    found = sum(any(word.startswith(w) for word in words) for w in wanted) / len(wanted)
    return 0.6 * found + 0.4 * likeness(query, text)


def best(query: str, items: Iterable[tuple[str, T]], limit: int) -> list[tuple[float, T]]:
    """The `limit` items whose text `query` finds best, best first; ties keep the items' order."""
    scored = [(search_score(query, text), i, value) for i, (text, value) in enumerate(items)]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(score, value) for score, _, value in scored[:limit] if score > 0]
