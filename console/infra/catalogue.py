"""The console's translation catalogue read without Qt, for what is written outside the
screens (the exported reports). It is the very file the screens' translations are compiled
from (``resources/translations/console_zh_CN.ts``, see ``tools/translations.py``), so a
report says what the screens say: same source text (``console.domain.wording``), same
translation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from console.domain.wording import Vocabulary
from console.infra import resources

TRANSLATIONS_DIR = resources.translations_dir()
#: the languages a document can be written in besides the English source text
CATALOGUES = {"zh": "console_zh_CN.ts", "zh_CN": "console_zh_CN.ts"}
_NOT_FINISHED = {"unfinished", "vanished", "obsolete"}


@lru_cache(maxsize=4)
def messages(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation, of one .ts file."""
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in _NOT_FINISHED:
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = forms[0] if forms else (translation.text or "")
            if text:
                out[(name, message.findtext("source", default=""))] = text
    return out


def translate(context: str, source: str, lang: str) -> str:
    """``source`` in ``lang`` ("en" is the source text itself); untranslated text stays
    English, as it would on screen."""
    file = CATALOGUES.get(lang)
    if file is None:
        return source
    return messages(TRANSLATIONS_DIR / file).get((context, source), source)


def word(vocabulary: Vocabulary, code: str | None, lang: str) -> str:
    """The word for ``code`` in ``lang``: what the screens show for it."""
    return translate(vocabulary.context, vocabulary.source(code), lang)
