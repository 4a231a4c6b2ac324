"""What changed between two versions of a guidance page, as readable text.

Each version becomes a list of lines (title, summary, then each block's text, from the
blocks' own ``get_searchable_content``); Python's difflib pairs the lines and, for a
changed line, marks the words inserted and removed."""

import difflib
import re
from dataclasses import dataclass, field

from wagtail import blocks

EQUAL, INSERT, DELETE, CHANGE, SKIPPED = (
    "equal",
    "insert",
    "delete",
    "change",
    "skipped",
)
CONTEXT_LINES = 2


@dataclass
class DiffLine:
    kind: str
    segments: list[tuple[str, str]] = field(default_factory=list)
    hidden: list["DiffLine"] = field(default_factory=list)


def _block_text(block, value) -> list[str]:
    """The words a reader sees in a block; choices such as a heading's level are
    settings, not text, and are left out."""
    if isinstance(block, blocks.ChoiceBlock):
        return []
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in _block_text(child, value.get(name))
        ]
    return [str(text) for text in block.get_searchable_content(value)]


def page_lines(page) -> list[str]:
    lines = [f"Title: {page.title}", f"Summary: {page.summary}"]
    for block in page.body:
        for text in _block_text(block.block, block.value):
            for line in text.splitlines():
                if line.strip():
                    lines.append(" ".join(line.split()))
    return lines


def _words(line: str) -> list[str]:
    return re.findall(r"\S+|\s+", line)


def _word_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _words(old), _words(new)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            segments.append((EQUAL, "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append((DELETE, "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append((INSERT, "".join(b[j1:j2])))
    return segments


def diff_lines(old: list[str], new: list[str]) -> list[DiffLine]:
    result = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            result += [DiffLine(EQUAL, [(EQUAL, line)]) for line in old[i1:i2]]
        elif op == "delete":
            result += [DiffLine(DELETE, [(DELETE, line)]) for line in old[i1:i2]]
        elif op == "insert":
            result += [DiffLine(INSERT, [(INSERT, line)]) for line in new[j1:j2]]
        else:
            pairs = list(zip(old[i1:i2], new[j1:j2], strict=False))
            result += [DiffLine(CHANGE, _word_diff(a, b)) for a, b in pairs]
            result += [
                DiffLine(DELETE, [(DELETE, line)]) for line in old[i1 + len(pairs) : i2]
            ]
            result += [
                DiffLine(INSERT, [(INSERT, line)]) for line in new[j1 + len(pairs) : j2]
            ]
    return result


def diff_pages(old_page, new_page) -> list[DiffLine]:
    return diff_lines(page_lines(old_page), page_lines(new_page))


def collapse_unchanged(
    lines: list[DiffLine], context: int = CONTEXT_LINES
) -> list[DiffLine]:
    """Keep ``context`` unchanged lines around each change and fold longer runs of
    unchanged lines into one SKIPPED line the reader can open."""
    result, run = [], []

    def flush(at_start: bool, at_end: bool):
        keep_before = 0 if at_start else context
        keep_after = 0 if at_end else context
        if len(run) <= keep_before + keep_after + 1:
            result.extend(run)
        else:
            result.extend(run[:keep_before])
            hidden = run[keep_before : len(run) - keep_after]
            result.append(DiffLine(SKIPPED, hidden=hidden))
            result.extend(run[len(run) - keep_after :])
        run.clear()

    for line in lines:
        if line.kind == EQUAL:
            run.append(line)
            continue
        flush(at_start=not result, at_end=False)
        result.append(line)
    flush(at_start=not result, at_end=True)
    return result


def diff_counts(lines: list[DiffLine]) -> dict:
    inserted = sum(
        1 for line in lines for kind, text in line.segments if kind == INSERT and text
    )
    deleted = sum(
        1 for line in lines for kind, text in line.segments if kind == DELETE and text
    )
    return {"insertions": inserted, "deletions": deleted}
