#!/usr/bin/env python3
"""Copies each snippet region into the Markdown blocks that show it.

Every C# block in README.md, docs/*.md and src/*/README.md follows a `<!-- snippet: Name -->` line; its code is the
region `#region Snippet:Name` ... `#endregion` in this folder. Edit the region, build, then run:

    python3 samples/ThirdPartyJobs.Snippets/update-docs.py

tests/ThirdPartyJobs.Docs.Tests fails when a block and its region differ (after normalising indentation).
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
snippets_dir = pathlib.Path(__file__).resolve().parent
region_start = re.compile(r"^\s*#region\s+Snippet:(\S+)\s*$")
region_end = re.compile(r"^\s*#endregion\b")
marker = re.compile(r"^\s*<!--\s*snippet:\s*(\S+)\s*-->\s*$")


def dedent(lines):
    lines = [line.replace("\t", "    ").rstrip() for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    indent = min((len(l) - len(l.lstrip()) for l in lines if l), default=0)
    return [l[indent:] if l else l for l in lines]


def read_snippets():
    snippets = {}
    for path in sorted(snippets_dir.rglob("*.cs")):
        if "obj" in path.parts or "bin" in path.parts:
            continue
        name, body = None, []
        for line in path.read_text(encoding="utf-8").splitlines():
            if (m := region_start.match(line)):
                name, body = m.group(1), []
            elif name and region_end.match(line):
                snippets[name] = dedent(body)
                name = None
            elif name:
                body.append(line)
    return snippets


def update(path, snippets):
    lines = path.read_text(encoding="utf-8").splitlines()
    out, i, changed, missing = [], 0, False, []
    while i < len(lines):
        out.append(lines[i])
        m = marker.match(lines[i])
        if m and i + 1 < len(lines) and lines[i + 1].lstrip().startswith("```"):
            name = m.group(1)
            end = i + 2
            while end < len(lines) and lines[end].strip() != "```":
                end += 1
            if name not in snippets:
                missing.append(name)
                i += 1
                continue
            block = ["```csharp", *snippets[name], "```"]
            changed |= lines[i + 1:end + 1] != block
            out.extend(block)
            i = end + 1
            continue
        i += 1
    if changed:
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return changed, missing


def main():
    snippets = read_snippets()
    documents = [root / "README.md", *sorted((root / "docs").glob("*.md")), *sorted((root / "src").glob("*/README.md"))]
    status = 0
    for document in documents:
        changed, missing = update(document, snippets)
        if changed:
            print(f"updated {document.relative_to(root)}")
        for name in missing:
            print(f"{document.relative_to(root)}: no snippet named {name}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
