"""Words that carry no meaning for search or grouping (shared by the knowledge base
search, duplicates and hotspots)."""

from __future__ import annotations

STOPWORDS = frozenset(
    "的 了 是 在 我 我们 你 你们 他 她 它 有 和 与 及 或 也 都 就 要 会 能 可以 请问 请 问 "
    "一下 什么 怎么 怎么办 如何 为什么 哪里 哪些 吗 呢 吧 啊 呀 嘛 么 么样 这 那 这个 那个 "
    "还 又 已经 现在 想 需要 需 是否 多少 一个 没有 不 对 把 被 给 让 从 到 向 为 以 "
    "市民 来电 反映 咨询 询问 表示 称 说 关于 情况 问题 您好 你好 谢谢 知道 以及 进行".split()
)
