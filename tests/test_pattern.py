"""`sertakan` patterns match as glob does, without following links into other folders."""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path

import pytest

from pohon.core.errors import BadPattern, TooManyFolders
from pohon.source import limits
from pohon.source.pattern import Search, matches

FILES = ["x.yaml", "y.yaml", "a/y.yaml", "a/b/z.yaml", "a/b/c/w.yaml", ".h/v.yaml", ".dot.yaml"]
FILES += ["a/.hidden.yaml", "a/b/notes.txt", "b/[x].yaml"]
PATTERNS = [
    "*.yaml", "**/*.yaml", "a/*.yaml", "a/**/*.yaml", "a/**", "?.yaml", "[xy].yaml",
    "[!x].yaml", "a/*/z.yaml", "*/*/*.yaml", ".h/*.yaml", ".*.yaml", "a/.*", "*", "a/b/*",
    "b/[[]x].yaml", "./a/y.yaml", "a//y.yaml", "**/b/*.yaml",
    "[]x].yaml", "[!]x].yaml", "[w-y].yaml", "[!w-x].yaml", "[--y].yaml", "[x-].yaml",
    "[a-c-y].yaml", "b/[[]x[]].yaml", "[!].yaml", "b/[.yaml",
]  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    return tmp_path


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_files_are_those_glob_finds(folder: Path, pattern: str) -> None:
    expected = sorted(
        Path(p) for p in glob.glob(str(folder / pattern), recursive=True) if Path(p).is_file()
    )
    assert [path for path in matches(folder, pattern) if path.is_file()] == expected


def test_a_pattern_without_wildcards_names_its_path_even_a_folder_or_a_link(folder: Path) -> None:
    (folder / "loop.yaml").symlink_to("loop.yaml")
    assert matches(folder, "a") == [folder / "a"]
    assert matches(folder, "loop.yaml") == [folder / "loop.yaml"]
    assert matches(folder, "none.yaml") == []


def test_double_star_does_not_follow_a_link_into_another_folder(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "far.yaml").write_text("")
    (folder / "a" / "link").symlink_to(elsewhere)
    (folder / "a" / "up").symlink_to("..")  # a loop, for glob
    found = matches(folder, "a/**/*.yaml")
    assert [p.relative_to(folder).as_posix() for p in found] == [
        "a/b/c/w.yaml",
        "a/b/z.yaml",
        "a/y.yaml",
    ]


def test_a_search_through_too_many_folders_stops(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_FOLDERS", 3)
    with pytest.raises(TooManyFolders):
        matches(folder, "**/*.yaml")
    assert len(matches(folder, "a/b/*.yaml")) == 1  # a pattern without `**` searches one folder


def test_an_absolute_pattern_stays_absolute(folder: Path) -> None:
    target = folder / "a" / "y.yaml"
    assert matches(Path("/nonexistent"), str(target)) == [target]
    assert os.path.isabs(str(matches(folder / "a", f"{folder}/*.yaml")[0]))


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("[z-a].yaml", "`[z-a]` holds the range `z-a`, which runs backwards and matches nothing"),
        ("a/[a--b]*.yaml", "to match `-` itself, put it first or last inside the brackets"),
        ("**/[!y-x].yaml", "write `x-y`"),
    ],
)
def test_a_range_that_runs_backwards_is_refused_before_any_search(
    folder: Path, pattern: str, says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python's `re` raises on these (glob would quietly match nothing): a message, never a crash.
    monkeypatch.setattr(os, "scandir", None)  # nothing may be listed before the refusal
    with pytest.raises(BadPattern, match=re.escape(says)):
        matches(folder, pattern)


def test_the_patterns_of_a_run_share_one_walk_and_one_folder_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(30):
        (tmp_path / f"d{number}" / "e").mkdir(parents=True)
    search = Search()
    for letter in "abcdefghij":  # ten `**` patterns beside 61 folders
        matches(tmp_path, f"**/{letter}*.yaml", search)
    assert search.listed == 61  # each folder read from the disk once, not once per pattern
    assert search.searched == 610
    monkeypatch.setattr(limits, "MAX_FOLDERS", 150)
    search = Search()
    matches(tmp_path, "**/a*.yaml", search)
    matches(tmp_path, "**/b*.yaml", search)
    with pytest.raises(TooManyFolders):  # each pattern alone is under the limit; together not
        matches(tmp_path, "**/c*.yaml", search)
