"""Intake at call speed, measured on a realistic volume.

    python bench/intake.py                       # 1,000,000 cases, 100,000 callers
    python bench/intake.py --cases 20000         # quicker, for development
    python bench/intake.py --engines postgresql  # PostgreSQL only

Per engine: a database of its own with N cases of 100,000 callers (bench/bulk.py) and
5,000 generated knowledge-base articles, then the service calls the entry form makes:

- history: from the last digit of a phone number to the caller's history
  (CallerService.history, what the form runs after the typing pause);
- duplicates: the possible-duplicate suggestion for a demand being typed
  (DuplicateService.suggest over the open cases of the last 7 days);
- kb search: knowledge-base search for a description (KnowledgeService.search: jieba
  segmentation, the version check query, BM25 over the in-memory index).

Medians of several repetitions. The last line is JSON with the PostgreSQL figures
(or those of the only engine run): history_ms, duplicates_ms, kb_search_ms.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py: the project root replaces it on the path before psycopg (or
# anything else) imports the standard library's queue
sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from sqlalchemy import func, select  # noqa: E402

from bench.bulk import bulk_cases, fresh_database  # noqa: E402
from console.infra import segment  # noqa: E402
from console.infra.database import make_engine, make_session_factory  # noqa: E402
from console.models import Case, KnowledgeArticle  # noqa: E402
from console.services.callers import CallerService  # noqa: E402
from console.services.duplicates import DuplicateQuery, DuplicateService  # noqa: E402
from console.services.knowledge import KnowledgeService, article_terms  # noqa: E402

TOPICS = (
    ("居住证", "签注", "流动人口管理服务中心", "佛山市公安局"),
    ("社保卡", "补办", "社保服务网点", "佛山市人力资源和社会保障局"),
    ("公积金", "提取", "公积金服务网点", "佛山市住房公积金管理中心"),
    ("积分入学", "报名", "区教育局", "佛山市教育局"),
    ("营业执照", "变更", "政务服务中心", "佛山市市场监督管理局"),
    ("驾驶证", "换证", "车管所", "佛山市公安局"),
    ("医保", "异地备案", "医保经办窗口", "佛山市医疗保障局"),
    ("公租房", "申请", "住房保障窗口", "佛山市住房和城乡建设管理局"),
    ("高龄津贴", "申领", "民政窗口", "佛山市民政局"),
    ("失业保险金", "申领", "人社服务窗口", "佛山市人力资源和社会保障局"),
    ("燃气", "开户", "燃气营业厅", "佛山燃气集团"),
    ("电动自行车", "上牌", "交警登记点", "佛山市公安局"),
    ("结婚登记", "预约", "婚姻登记处", "佛山市民政局"),
    ("港澳通行证", "续签", "出入境大厅", "佛山市公安局"),
    ("不动产登记", "过户", "不动产登记中心", "佛山市自然资源局"),
    ("垃圾分类", "投放", "社区居委会", "佛山市城市管理和综合执法局"),
    ("新生儿", "参保", "社保服务窗口", "佛山市医疗保障局"),
    ("创业补贴", "申请", "就业服务窗口", "佛山市人力资源和社会保障局"),
    ("人才入户", "审核", "人社服务窗口", "佛山市公安局"),
    ("网约车", "投诉", "交通运输局", "佛山市交通运输局"),
)
PLACES = (
    "禅城区", "南海区", "顺德区", "高明区", "三水区", "桂城", "大良", "容桂", "狮山", "荷城",
    "乐从", "北滘", "大沥", "里水", "西樵", "九江", "张槎", "祖庙", "石湾", "西南",
)  # fmt: skip
WHO = (
    "外地户籍人员", "退休人员", "个体工商户", "新市民", "企业职工", "在校学生", "灵活就业人员",
    "老年人", "残疾人", "港澳居民", "随迁子女家长", "新生儿家长", "小微企业",
)  # fmt: skip

QUERIES = (
    "市民来电说居住证快到期了，想问怎么签注，需要带什么材料",
    "社保卡丢了怎么补办，补办要多久",
    "想提取住房公积金用来交房租，怎么办理",
    "孩子明年读小学，积分入学什么时候报名",
    "个体户营业执照地址变更在哪里办",
    "驾驶证下个月到期，可以网上换证吗",
    "老人在外地看病，医保怎么异地备案",
    "外地人可以申请公租房吗，需要什么条件",
    "父亲今年八十岁了，高龄津贴怎么申领",
    "刚失业了，失业保险金在哪里申请",
    "新房子要开通管道燃气，怎么开户",
    "电动自行车上牌要带什么",
)


def make_articles(n: int, seed: int = 7) -> list[dict[str, str]]:
    rnd = random.Random(seed)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(out) < n:
        topic, action, where, dept = rnd.choice(TOPICS)
        place, who = rnd.choice(PLACES), rnd.choice(WHO)
        q = f"{place}{who}{topic}怎么{action}？（{len(out) + 1}）"
        if q in seen:
            continue
        seen.add(q)
        out.append(
            {
                "question": q,
                "answer": f"{who}办理{topic}{action}，可携带身份证及相关材料到{place}{where}办理，"
                f"也可通过“佛山通”APP或“粤省事”线上申请，办理时限以{dept}公布为准。",
                "keywords": f"{topic},{action},{place}",
                "department": dept,
            }
        )
    return out


def seed_articles(url: str, n: int) -> float:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    started = time.perf_counter()
    segment.warm_up()
    with sessions() as s, s.begin():
        have = s.scalar(select(func.count(KnowledgeArticle.id))) or 0
        rows = [
            KnowledgeArticle(
                question=a["question"],
                answer=a["answer"],
                keywords=a["keywords"],
                department=a["department"],
                terms=article_terms(a["question"], a["keywords"], a["answer"]),
                active=True,
            )
            for a in make_articles(max(0, n - have))
        ]
        s.add_all(rows)
    engine.dispose()
    return time.perf_counter() - started


def timed(fn: Callable[[], object], reps: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), times


def run_engine(kind: str, cases: int, callers: int, articles: int, reps: int) -> dict[str, float]:
    print(f"== {kind}: {cases:,} cases of {callers:,} callers, {articles:,} articles")
    url = fresh_database(kind, "intake")
    t = time.perf_counter()
    bulk_cases(url, cases, callers=callers, progress=lambda m: print(m, flush=True))
    print(f"  filled in {time.perf_counter() - t:.0f} s")
    print(f"  {articles:,} articles segmented and stored in {seed_articles(url, articles):.1f} s")

    engine = make_engine(url)
    sessions = make_session_factory(engine)
    rnd = random.Random(3)
    with sessions() as s:
        max_id = s.scalar(select(func.max(Case.id))) or 1
        ids = [rnd.randrange(1, max_id + 1) for _ in range(reps * 3)]
        phones = [p for p in s.scalars(select(Case.caller_phone).where(Case.id.in_(ids))) if p]
        open_rows = s.execute(
            select(Case.category_id, Case.district_id, Case.town_id, Case.address)
            .where(Case.status.in_(("received", "dispatched", "accepted")))
            .order_by(Case.id.desc())
            .limit(reps * 3)
        ).all()

    callers_svc = CallerService(sessions)
    callers_svc.history(phones[0])  # the pool's first connection is not the agent's wait
    it = iter(phones * 3)
    history_ms, _ = timed(lambda: callers_svc.history(next(it)), reps)
    sizes = [len(h.cases) for h in (callers_svc.history(p) for p in phones[:10]) if h]
    print(f"  caller history:     median {history_ms:7.2f} ms  ({sizes[:5]} cases per caller)")

    dups = DuplicateService(sessions)
    queries = [
        DuplicateQuery(cat, district, town, addr, "市民反映测试事项，夜间施工噪音扰民，请尽快处理")
        for cat, district, town, addr in open_rows
    ]
    it_q = iter(queries * 3)
    found = [len(dups.suggest(q)) for q in queries[:10]]
    duplicates_ms, _ = timed(lambda: dups.suggest(next(it_q)), reps)
    print(f"  duplicate suggest:  median {duplicates_ms:7.2f} ms  (found {found[:5]} …)")

    kb = KnowledgeService(sessions)
    t = time.perf_counter()
    kb.warm_up()  # at start-up, in the background: jieba and the index
    print(f"  kb index built in {(time.perf_counter() - t) * 1000:.0f} ms (start-up, background)")
    it_k = iter(QUERIES * (reps // len(QUERIES) + 2))
    hits = [len(kb.search(q)) for q in QUERIES[:4]]
    kb_ms, _ = timed(lambda: kb.search(next(it_k)), reps)
    print(f"  kb search:          median {kb_ms:7.2f} ms  (hits {hits})")
    engine.dispose()
    return {"history_ms": history_ms, "duplicates_ms": duplicates_ms, "kb_search_ms": kb_ms}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--callers", type=int, default=100_000)
    p.add_argument("--articles", type=int, default=5_000)
    p.add_argument("--reps", type=int, default=40)
    p.add_argument("--engines", default="postgresql,sqlite")
    args = p.parse_args()
    results: dict[str, dict[str, float]] = {}
    for kind in [e.strip() for e in args.engines.split(",") if e.strip()]:
        results[kind] = run_engine(kind, args.cases, args.callers, args.articles, args.reps)
    main_kind = "postgresql" if "postgresql" in results else next(iter(results))
    for kind, r in results.items():
        print(f"{kind}: " + ", ".join(f"{k} {v:.2f}" for k, v in r.items()))
    print(json.dumps({k: round(v, 2) for k, v in results[main_kind].items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
