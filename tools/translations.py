"""Maintain the console's Chinese translation catalogue.

Usage (with the project's virtual environment's python)::

    python tools/translations.py update   # lupdate -> apply zh_CN.json -> lrelease
    python tools/translations.py check    # fail on missing or malformed translations

``update`` extracts every message from the Python sources under ``console/ui`` into
``resources/translations/console_zh_CN.ts`` (obsolete entries dropped), fills in the
translations kept in ``resources/translations/zh_CN.json`` (``{"context": {"source":
"译文"}}``), marks them finished and compiles ``console_zh_CN.qm``.

pyside6-lupdate only understands literal ``tr("...")`` / ``translate("ctx", "...")``
calls, so the UI code uses nothing else (no aliases, no wrapper functions). Two kinds of
message are added to the .ts besides: the domain's vocabularies (``console.domain.wording``:
statuses, milestones, events…, translated by ``console.ui.labels`` and read by the report
export) and the message of every ``Refused("...")`` in the sources (context "refusal",
translated where the screens show a refusal, ``console.ui.errors``).

``check`` exits non-zero listing every message of the .ts that has no finished
translation, or whose translation does not keep the source's ``{placeholders}`` /
``{0}`` fields, Qt ``%1``/``%n`` markers or ``&`` accelerators.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSOLE_DIR = ROOT / "console"
UI_DIR = CONSOLE_DIR / "ui"
#: the exception classes whose first argument is a message translated in context "refusal"
REFUSAL_CLASSES = frozenset({"Refused", "StepRefused"})
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
TS_FILE = TRANSLATIONS_DIR / f"console_{LANGUAGE}.ts"
QM_FILE = TRANSLATIONS_DIR / f"console_{LANGUAGE}.qm"
JSON_FILE = TRANSLATIONS_DIR / f"{LANGUAGE}.json"

Catalogue = dict[str, dict[str, str]]

# str.format fields: "{name}", "{0}", "{}", "{x:02d}"; "{{" / "}}" are literal braces.
_FORMAT_FIELD = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")
# Qt's QString::arg / numerus markers.
_QT_ARG = re.compile(r"%(?:L?\d+|n)")


def qt_tool(name: str) -> Path:
    """The PySide6 tool ``name`` installed next to the running interpreter."""
    bin_dir = Path(sys.executable).parent
    candidates = [bin_dir / name, bin_dir / f"{name}.exe"]
    if bin_dir.name.lower() != "scripts":  # Windows venvs keep tools in Scripts/
        candidates += [bin_dir / "Scripts" / f"{name}.exe", bin_dir / "Scripts" / name]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise SystemExit(
        f"{name} not found next to {sys.executable}; install PySide6 in this environment"
    )


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def run(cmd: list[str | Path]) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"command failed ({result.returncode}): {Path(cmd[0]).name}")


def accelerators(text: str) -> int:
    """Number of '&' mnemonics: '&&' is a literal ampersand, '& ' is plain text."""
    return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))


def fields(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    found.update("{" + m.group(1) + "}" for m in _FORMAT_FIELD.finditer(text))
    found.update(m.group(0) for m in _QT_ARG.finditer(text))
    return found


def problems_with(source: str, translation: str) -> list[str]:
    issues: list[str] = []
    want, got = fields(source), fields(translation)
    if want != got:
        issues.append(
            f"fields differ: source {sorted(want.elements())}, translation {sorted(got.elements())}"
        )
    if accelerators(source) != accelerators(translation):
        issues.append(
            f"'&' accelerators differ: source {accelerators(source)}, "
            f"translation {accelerators(translation)}"
        )
    return issues


def load_catalogue() -> Catalogue:
    data = json.loads(JSON_FILE.read_text(encoding="utf-8")) if JSON_FILE.exists() else {}
    if not isinstance(data, dict) or not all(
        isinstance(msgs, dict) and all(isinstance(v, str) for v in msgs.values())
        for msgs in data.values()
    ):
        raise SystemExit(f"{JSON_FILE}: expected {{context: {{source: translation}}}}")
    return data


def messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) for every message of the .ts."""
    out: list[tuple[str, ET.Element]] = []
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        out.extend((name, message) for message in context.iter("message"))
    return out


def _set_translation(message: ET.Element, text: str) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        ET.SubElement(translation, "numerusform").text = text  # Chinese: a single form
    else:
        translation.text = text


def _write_ts(root: ET.Element) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    TS_FILE.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
        encoding="utf-8",
    )


def refusal_messages() -> list[str]:
    """The message of every ``Refused(...)`` raised in the console's sources (English source
    text, translated at display in context "refusal"): a literal is required."""
    found: list[str] = []
    for path in sorted(CONSOLE_DIR.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in REFUSAL_CLASSES or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value not in found:
                    found.append(first.value)
    return found


def extra_messages() -> dict[str, list[str]]:
    """Messages pyside6-lupdate cannot see (it reads only literal ``translate`` calls under
    console/ui): the domain's vocabularies (``console.domain.wording``) and the refusals."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from console.domain.wording import VOCABULARIES

    out: dict[str, list[str]] = {}
    for vocabulary in VOCABULARIES:
        words = out.setdefault(vocabulary.context, [])
        words.extend(w for w in vocabulary.words.values() if w not in words)
    out["refusal"] = refusal_messages()
    return out


def _add_messages(root: ET.Element, extra: dict[str, list[str]]) -> None:
    contexts = {c.findtext("name", default=""): c for c in root.iter("context")}
    for name, sources in extra.items():
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        have = {m.findtext("source", default="") for m in context.iter("message")}
        for source in sources:
            if source in have:
                continue
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", type="unfinished")
            have.add(source)


def update() -> int:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    sources = [p.relative_to(ROOT) for p in ui_sources()]
    run([qt_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", TS_FILE.relative_to(ROOT)])

    catalogue = load_catalogue()
    root = ET.parse(TS_FILE).getroot()
    root.set("language", LANGUAGE)
    _add_messages(root, extra_messages())
    applied, missing, used = 0, 0, set()
    for context, message in messages(root):
        source = message.findtext("source", default="")
        text = catalogue.get(context, {}).get(source)
        if text is None:
            missing += 1
            continue
        _set_translation(message, text)
        used.add((context, source))
        applied += 1
    _write_ts(root)

    run([qt_tool("pyside6-lrelease"), TS_FILE.relative_to(ROOT), "-qm", QM_FILE.relative_to(ROOT)])

    unused = [(c, s) for c, msgs in catalogue.items() for s in msgs if (c, s) not in used]
    for context, source in unused:
        print(f"note: {JSON_FILE.name} entry not in the sources: [{context}] {source!r}")
    print(
        f"{applied} translated, {missing} untranslated -> {TS_FILE.relative_to(ROOT)}, "
        f"{QM_FILE.relative_to(ROOT)}"
    )
    return 0


def check() -> int:
    if not TS_FILE.exists():
        print(f"{TS_FILE} missing: run 'python tools/translations.py update'")
        return 1
    failures: list[str] = []
    all_messages = messages(ET.parse(TS_FILE).getroot())
    present = {(c, m.findtext("source", default="")) for c, m in all_messages}
    for context, sources in extra_messages().items():
        failures.extend(
            f"[{context}] {source!r}: not in the catalogue (run update)"
            for source in sources
            if (context, source) not in present
        )
    for context, message in all_messages:
        source = message.findtext("source", default="")
        translation = message.find("translation")
        where = f"[{context}] {source!r}"
        if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            failures.append(f"{where}: no finished translation")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            if not text.strip():
                failures.append(f"{where}: empty translation")
            failures.extend(f"{where}: {issue}" for issue in problems_with(source, text))
    for line in failures:
        print(line)
    print(f"{len(all_messages)} messages, {len(failures)} problem(s)")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("command", choices=["update", "check"])
    args = parser.parse_args(argv)
    return update() if args.command == "update" else check()


if __name__ == "__main__":
    sys.exit(main())
