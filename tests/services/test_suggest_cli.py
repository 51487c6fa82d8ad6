"""`python main.py suggest …` on both engines: train, --text, --file with JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from console.cli import suggest as cli_suggest
from console.cli.entry import main
from console.learning.store import DatabaseModelStore
from console.models import CaseSuggestion
from tests.helpers.suggest_data import add_cases


@pytest.fixture
def store(sessions: sessionmaker[Session], tmp_path: Path) -> DatabaseModelStore:
    """The database's models, as another workstation sees them (a cache of its own)."""
    return DatabaseModelStore(sessions, tmp_path / "models")


def test_train_text_and_file(
    sessions: sessionmaker[Session],
    db_url: str,
    store: DatabaseModelStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--database", db_url, "suggest", "train"]) == 2  # no history yet
    assert "cannot train" in capsys.readouterr().err
    add_cases(sessions, 8)
    assert main(["--database", db_url, "suggest", "train"]) == 0
    out = capsys.readouterr().out
    assert "promoted" in out and store.current_version() == 1

    assert main(["--database", db_url, "suggest", "--text", "工地夜间施工噪音扰民"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. 环境保护 / 环境污染 / 噪音污染") and "桂城街道办事处" in out

    assert main(["--database", db_url, "suggest", "--text", "老板拖欠工资", "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one["suggestions"][0]["category"] == "劳动和社会保障 / 工资福利 / 工资发放"

    csv_path = tmp_path / "in.csv"
    csv_path.write_text(
        'id,text\n7,"孩子入学学位, 怎么申请"\nA-2,绿化带树木枯死\n9,\n', encoding="utf-8"
    )
    assert main(["--database", db_url, "suggest", "--file", str(csv_path), "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == [7, "A-2", 9]
    first = lines[0]["suggestions"]
    assert len(first) == 3
    assert set(first[0]) >= {"category", "class", "unit", "confidence"}
    assert first[0]["category"] == "教育文体 / 教育行政管理 / 学历学位学籍管理"
    assert (first[0]["unit"], first[0]["unit_source"]) == ("佛山市教育局", "rule")
    assert first[0]["class"] == "社会民生"
    conf = [s["confidence"] for s in first]
    assert conf == sorted(conf, reverse=True)
    assert lines[1]["suggestions"][0]["category"].endswith("园林绿化")
    assert lines[2]["suggestions"] == []  # an empty text: nothing to suggest


def test_backfill_stores_suggestions_for_received_cases(
    sessions: sessionmaker[Session],
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--database", db_url, "suggest", "backfill"]) == 2  # no model yet
    assert "suggest train" in capsys.readouterr().out
    add_cases(sessions, 8)
    assert main(["--database", db_url, "suggest", "train"]) == 0
    web = tmp_path / "web.csv"
    web.write_text(
        "留言编号,留言时间,留言详情\nm1,2026/1/5 10:00,工厂老板拖欠工资\nm2,2026/1/5 11:00,"
        "夜间工地噪音\n",
        encoding="utf-8",
    )
    assert main(["--database", db_url, "import", str(web), "--to-triage"]) == 0
    assert "suggestions stored for 2 cases to triage" in capsys.readouterr().err
    with sessions() as s:
        assert len(s.scalars(select(CaseSuggestion)).all()) == 2
        s.execute(delete(CaseSuggestion))
        s.commit()
    assert main(["--database", db_url, "suggest", "backfill"]) == 0
    assert "suggestions stored for 2 cases (model v1)" in capsys.readouterr().out


def test_bad_use(
    db_url: str, store: DatabaseModelStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_url, "suggest"]) == 2
    assert "--text" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("number,body\n1,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="id,text"):
        list(cli_suggest._rows(str(bad)))
