"""From bytes on disk to a YAML node tree with positions, refusing what is unsafe.

Only the composer of PyYAML's safe loader runs: nothing in the file is ever
constructed into Python objects by YAML itself. On top of it this module refuses
files over :data:`MAX_BYTES`, text that is not UTF-8, anchors and aliases,
duplicate keys, custom tags and syntax errors, each with its line and column.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Callable

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from ..files import NotRegularFile, TooBig, read_regular
from ..textsafe import CONTROL

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML without libyaml
    CParser = None

MAX_BYTES = 1 << 20  # 1 MiB: a big campaign is 50 KB
REFUSED = "tag:wargame,2024:refused"  # stands in for an alias that was refused
STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
} | {REFUSED}

Report = Callable[[int, int, str, str], None]  # line, column, message, hint


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` in ``text``."""
    before = text[:index]
    line = before.count("\n") + 1
    return line, index - (before.rfind("\n") + 1) + 1


def read_text(path: str, report: Report) -> str | None:
    """The file's text, or None after reporting why it cannot be read. Only a regular
    file is read (never a named pipe or a device, which could hang or never end)."""
    try:
        data = read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        report(0, 0, f"is {exc.what}, not a campaign file", "give the path of a .yaml file")
        return None
    except TooBig:
        data = b"x" * (MAX_BYTES + 1)  # decode() says it is too big
    except OSError as exc:
        report(0, 0, f"cannot read the file: {exc.strerror or exc}", "check the path")
        return None
    return decode(data, report)


def decode(data: bytes, report: Report) -> str | None:
    """A campaign file's bytes as text, or None after reporting why they are not."""
    if len(data) > MAX_BYTES:
        report(1, 1, f"the file is larger than {MAX_BYTES // 1024} KB",
               "a campaign file is text of a few dozen KB; is this the right file?")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report(1, 1, "the file is not UTF-8 text (it looks like UTF-16)",
               "save the file with the UTF-8 encoding")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        col = len(head[head.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        report(line, col, f"the file is not UTF-8 text: byte 0x{data[exc.start]:02x} "
               "cannot be read", "save the file with the UTF-8 encoding")
        return None


class _Checks(Composer):
    """Safe composing that reports anchors, aliases, duplicate keys and odd tags."""

    report: Report

    def _at(self, mark, message: str, hint: str) -> None:
        self.report(mark.line + 1, mark.column + 1, message, hint)

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self._at(event.start_mark, f"YAML aliases (*{event.anchor}) are not allowed",
                     "write the value out in full")
            return ScalarNode(REFUSED, "", event.start_mark, event.end_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            self._at(event.start_mark, f"YAML anchors (&{event.anchor}) are not allowed",
                     "write each value out in full; anchors make a file hard to read")
            event.anchor = None
        node = Composer.compose_node(self, parent, index)
        if isinstance(node, ScalarNode) and not node.style:
            node.style = None  # libyaml says '' for plain scalars, PyYAML None
        if isinstance(node, ScalarNode):
            self._control(node)
        if node.tag == "tag:yaml.org,2002:merge":
            self._at(node.start_mark, "YAML merge keys (<<) are not allowed",
                     "write the values out in full")
            node.tag = REFUSED
        elif node.tag not in STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._at(node.start_mark, f"the YAML tag '{tag}' is not allowed",
                     "remove the tag: campaign files use plain values only")
            node.tag = REFUSED
        return node

    def _control(self, node: ScalarNode) -> None:
        """Refuse a control character (an escape code, a bidi override) that a
        double-quoted escape such as "\\e" or "\\u202e" put in the text (or a raw
        bidi override, which the YAML reader lets through): it would reach a terminal
        or a file raw. Other raw control characters the reader refuses already."""
        found = next((m.group() for m in CONTROL.finditer(node.value)
                      if m.group() != "\n"), None)
        if found is not None:
            self._at(node.start_mark, f"the control character U+{ord(found):04X} is not "
                     "allowed in campaign text",
                     "remove the escape (\\e, \\x.., \\u....): campaign text is shown "
                     "as it is written")
            node.value = CONTROL.sub(lambda m: m.group() if m.group() == "\n" else "",
                                     node.value)

    def compose_mapping_node(self, anchor):
        node = Composer.compose_mapping_node(self, anchor)
        seen: dict[str, Node] = {}
        kept = []
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.tag != REFUSED:
                first = seen.get(key.value)
                if first is not None:
                    self._at(key.start_mark, f"duplicate key '{key.value}' (first at line "
                             f"{first.start_mark.line + 1})",
                             "each key may appear once in a mapping; merge or rename them")
                    continue
                seen[key.value] = key
            kept.append((key, value))
        node.value = kept
        return node


class _PyComposer(_Checks, yaml.SafeLoader):
    def __init__(self, text: str, report: Report):
        yaml.SafeLoader.__init__(self, text)
        self.report = report


if CParser is not None:
    class _CComposer(_Checks, CParser, Resolver):
        """libyaml scans and parses (ten times faster); composing stays in Python."""

        def __init__(self, text: str, report: Report):
            CParser.__init__(self, text)
            Composer.__init__(self)
            Resolver.__init__(self)
            self.report = report

        get_single_node = Composer.get_single_node


_SYNTAX_HINTS = (
    ("'\\t'", "YAML does not allow tabs for indentation: use spaces"),
    ("mapping values are not allowed", "a colon followed by a space inside a value? "
     "put the value in quotes"),
    ("expected <block end>", "check the indentation of this line and the lines above"),
    ("could not find expected ':'", "a key needs a colon after it, or a long value needs "
     "quotes"),
    ("never closed", "close it on the same value, or quote the whole value"),
    ("but found another document", "a campaign file holds one document: remove the '---'"),
)


_KEYS_ON_ONE_LINE = re.compile(r"^\s*(?:- )?[a-z][a-z0-9_]*: [^:#'\"{}\[\]]*,\s*[a-z][a-z0-9_]*$")


def _colon_hint(text: str, line: int, column: int) -> str:
    """The hint for a colon YAML cannot take: two keys written on one line with a comma
    between them ("name: Red, region: east") need braces or a line each; a text with
    ': ' in it needs quotes."""
    lines = text.splitlines()
    if line >= len(lines):
        return ""
    before = lines[line][:column].rstrip(":")
    if _KEYS_ON_ONE_LINE.match(before):
        return ("two keys on one line, with a comma between them? write each key on its "
                "own line, or put the whole mapping in braces: {key: value, key: value}")
    return ""


def compose(text: str, report: Report) -> Node | None:
    """The root node of ``text``, or None after reporting what is wrong with it.

    libyaml composes when it is there; on any trouble the pure-Python parser runs
    again from the start, so that messages and positions do not depend on it.
    """
    if CParser is not None:
        found: list = []
        loader = _CComposer(text, lambda *a: found.append(a))
        try:
            node = loader.get_single_node()
        except (yaml.YAMLError, RecursionError):
            node = None
        else:
            for args in found:
                report(*args)
            return node
        finally:
            loader.dispose()
    return _compose(text, report)


def _compose(text: str, report: Report) -> Node | None:
    loader = None
    try:
        loader = _PyComposer(text, report)
        return loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        line, col = position(text, exc.position)
        report(line, col, f"the character {chr(exc.character)!r} is not allowed in YAML "
               "text", "remove it: campaign files are plain text")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "end of stream" in problem and exc.context_mark and exc.context:
            mark = exc.context_mark  # where the unclosed quote or bracket opened
            what = "quote" if "quoted" in exc.context else "bracket"
            problem = f"this {what} is never closed"
        hint = next((h for key, h in _SYNTAX_HINTS if key in f"{problem} {exc}"),
                    "check the indentation and the quotes on this line and the one before")
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "mapping values are not allowed" in problem and mark is not None:
            hint = _colon_hint(text, mark.line, mark.column) or hint
        report(line, col, f"YAML syntax error: {problem}", hint)
    except RecursionError:
        report(1, 1, "the file nests lists or mappings too deeply",
               "a campaign file nests a few levels at most")
    finally:
        if loader is not None:
            loader.dispose()
    return None


def kind_of(node: Node) -> str:
    """What a node is, in words for messages."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    text = node.value if len(node.value) <= 30 else node.value[:27] + "..."
    return repr(text)


def fingerprint(data: bytes) -> str:
    """A short hash of what a campaign file says: its YAML values and their order, not
    its comments, layout or quoting. Two copies of a campaign that differ only in
    those have the same fingerprint; any changed value changes it. The bytes' own hash
    when the file cannot be read as YAML."""
    text = decode(data, lambda *a: None)
    node = compose(text, lambda *a: None) if text is not None else None
    try:
        plain = _plain(node) if node is not None else ["bytes", hashlib.sha256(data).hexdigest()]
        text = json.dumps(plain, ensure_ascii=True, separators=(",", ":"))
    except RecursionError:
        text = hashlib.sha256(data).hexdigest()
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


def _plain(node: Node):
    if isinstance(node, ScalarNode):
        return [node.tag, node.value]
    if isinstance(node, SequenceNode):
        return [node.tag, [_plain(n) for n in node.value]]
    return [node.tag, [[_plain(k), _plain(v)] for k, v in node.value]]
