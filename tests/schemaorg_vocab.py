"""The real schema.org vocabulary (tests/data/schemaorg), and a checker for JSON-LD nodes against it."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

VOCABULARY = Path(__file__).parent / "data" / "schemaorg" / "schemaorg-current-https.jsonld"
SCHEMA = "https://schema.org/"
DATATYPES = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")


def _ids(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v["@id"][len("schema:"):] for v in values if isinstance(v, dict) and v.get("@id", "").startswith("schema:")]


def _list(value) -> list:
    return value if isinstance(value, list) else [value]


class Vocabulary:
    def __init__(self, path: Path = VOCABULARY):
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.classes: dict[str, set[str]] = {}
        self.properties: dict[str, tuple[set[str], set[str]]] = {}
        self.members: dict[str, set[str]] = {}  # enumeration member -> its types
        for node in graph:
            ident = node["@id"]
            if not ident.startswith("schema:"):
                continue
            name = ident[len("schema:"):]
            types = _list(node["@type"])
            if "rdfs:Class" in types:
                self.classes[name] = set(_ids(node.get("rdfs:subClassOf", [])))
            if "rdf:Property" in types:
                self.properties[name] = (set(_ids(node.get("schema:domainIncludes", []))),
                                         set(_ids(node.get("schema:rangeIncludes", []))))
            schema_types = {t[len("schema:"):] for t in types if t.startswith("schema:")}
            if schema_types:
                self.members[name] = schema_types

    @lru_cache(maxsize=None)
    def ancestors(self, cls: str) -> frozenset[str]:
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.classes.get(current, ()))
        return frozenset(seen)

    def _fits(self, types: list[str], allowed: set[str]) -> bool:
        return any(self.ancestors(t) & allowed for t in types)

    def check(self, node: dict, where: str, index: dict[str, list[str]] | None = None) -> list[str]:
        """Every problem with ``node``: unknown types or properties, a property on a type outside its
        domain, or a value outside its range. ``index`` maps ``@id`` to types, to check references."""
        problems: list[str] = []
        types = [t for t in _list(node.get("@type", [])) if t]
        for t in types:
            if t not in self.classes:
                problems.append(f"{where}: unknown type {t!r}")
        for key, value in node.items():
            if key in ("@context", "@type", "@id"):
                continue
            if key == "@graph":
                for i, item in enumerate(value):
                    problems += self.check(item, f"{where}.@graph[{i}]", index)
                continue
            if key.startswith("@"):
                problems.append(f"{where}: unexpected keyword {key!r}")
                continue
            if key not in self.properties:
                problems.append(f"{where}: unknown property {key!r}")
                continue
            domains, ranges = self.properties[key]
            if types and not self._fits(types, domains):
                problems.append(f"{where}: {key!r} is not a property of {'/'.join(types)} (domain: {sorted(domains)})")
            for i, item in enumerate(_list(value)):
                problems += self._check_value(key, ranges, item, f"{where}.{key}[{i}]", index)
        return problems

    def _check_value(self, key, ranges, value, where, index) -> list[str]:
        if isinstance(value, dict):
            if set(value) == {"@id"}:
                target = (index or {}).get(value["@id"])
                if target is not None and not self._fits(target, ranges):
                    return [f"{where}: {value['@id']} is a {target}, not one of {sorted(ranges)}"]
                return []
            nested_types = _list(value.get("@type", []))
            problems = self.check(value, where, index)
            if nested_types and not self._fits(nested_types, ranges):
                problems.append(f"{where}: a {nested_types} is not one of {sorted(ranges)}")
            return problems
        if isinstance(value, str) and value.startswith(SCHEMA):
            member = value[len(SCHEMA):]
            member_types = self.members.get(member, set())
            if member in self.classes and not member_types - {"DataType"}:
                return [f"{where}: {value} is a type, not a value"]
            if not member_types or not self._fits(list(member_types), ranges):
                return [f"{where}: {value} is not a value of {sorted(ranges)}"]
            return []
        literal_ranges = {r for r in ranges if self.ancestors(r) & DATATYPES}
        if isinstance(value, bool):
            ok = bool({"Boolean"} & {a for r in literal_ranges for a in self.ancestors(r)})
        elif isinstance(value, (int, float)):
            ok = bool({"Number", "Integer", "Float", "Text"} & {a for r in literal_ranges for a in self.ancestors(r)})
        elif isinstance(value, str):
            # A URL may stand for a thing (schema.org allows a URL where an item is expected).
            ok = bool(literal_ranges) or value.startswith(("https://", "http://"))
            if literal_ranges and literal_ranges <= {"Date"} and not _DATE.match(value):
                return [f"{where}: {value!r} is not a date YYYY-MM-DD"]
            if literal_ranges and literal_ranges <= {"Time"} and not _TIME.match(value):
                return [f"{where}: {value!r} is not a time hh:mm[:ss]"]
        else:
            ok = False
        return [] if ok else [f"{where}: {value!r} does not fit {key!r} (range {sorted(ranges)})"]
