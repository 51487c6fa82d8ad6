"""Chinese word segmentation (jieba) for knowledge-base search and text similarity.

jieba loads its dictionary on first use (about 0.7 s) and writes a cache file: the
console initialises it once, off the GUI thread, at start-up (``warm_up``), with the
cache in the user data directory instead of the system temp directory. No Qt here.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable

from console.domain.stopwords import STOPWORDS
from console.infra import paths

log = logging.getLogger("console.kb")

_lock = threading.Lock()
_ready = False

#: words of the hotline jieba does not know as one word (kept whole in search)
DOMAIN_WORDS = (
    "粤康码", "健康码", "居住证", "积分入学", "公积金", "社保卡", "医保卡", "佛山通",
    "粤省事", "不动产登记", "灵活就业", "失业保险金", "工资支付保证金", "保证金",
    "港澳通行证", "出入境", "营业执照", "个体工商户", "统一社会信用代码", "预付卡",
    "噪音扰民", "占道经营", "违章建筑", "垃圾分类", "燃气", "停水", "停电", "公租房",
    "人才入户", "异地就医", "高龄津贴", "残疾人", "驾驶证", "行驶证", "网约车",
    "黄岐", "桂城", "狮山", "乐平", "荷城", "电动自行车", "充电桩", "新能源",
    "学位", "入学", "核酸", "疫苗", "出生证明", "结婚登记", "养老保险", "医疗保险",
)  # fmt: skip

_WORDLIKE = re.compile(r"[\w\u4e00-\u9fff]")


def _initialise() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import jieba

        started = time.perf_counter()
        jieba.setLogLevel(logging.WARNING)
        cache_dir = paths.data_dir()
        cache_dir.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache_dir)
        jieba.dt.cache_file = "jieba.cache"
        jieba.initialize()
        for word in DOMAIN_WORDS:
            jieba.add_word(word, freq=20000)
        _ready = True
        log.info("jieba ready in %.2f s (cache in %s)", time.perf_counter() - started, cache_dir)


def warm_up() -> None:
    """Load the dictionary now (blocking: call it off the GUI thread)."""
    _initialise()


def is_ready() -> bool:
    return _ready


def add_words(words: Iterable[str]) -> None:
    """Teach jieba words (e.g. an article's keywords) so queries keep them whole."""
    _initialise()
    import jieba

    for w in words:
        w = w.strip()
        if len(w) >= 2:
            jieba.add_word(w, freq=20000)


def terms(text: str) -> list[str]:
    """The searchable words of a text: jieba's search mode (long words and their parts),
    lower-cased, without punctuation and stopwords; single Chinese characters dropped
    (they match everything), single ASCII letters and digits too."""
    _initialise()
    import jieba

    out: list[str] = []
    for tok in jieba.cut_for_search(text):
        t = tok.strip().lower()
        if len(t) < 2 or t in STOPWORDS or not _WORDLIKE.search(t):
            continue
        out.append(t)
    return out


def bigrams(text: str) -> set[str]:
    """Character bigrams of the letters and digits of a text (for similarity; no jieba)."""
    chars = [c for c in text.lower() if c.isalnum()]
    return {chars[i] + chars[i + 1] for i in range(len(chars) - 1)}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams, 0..1 (robust for short Chinese texts)."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))
