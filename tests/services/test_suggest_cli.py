"""`python main.py suggest …` on both engines: train, --text, --file with JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.cli import suggest as cli_suggest
from console.cli.entry import main
from console.learning.store import ModelStore
from tests.helpers.suggest_data import add_cases


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModelStore:
    """A model folder of the test's own (the PostgreSQL test database keeps its URL
    from test to test, so the per-database default would be shared)."""
    s = ModelStore(tmp_path / "models")
    monkeypatch.setattr(ModelStore, "for_database", classmethod(lambda cls, url: s))
    return s


def test_train_text_and_file(
    sessions: sessionmaker[Session],
    db_url: str,
    store: ModelStore,
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


def test_bad_use(
    db_url: str, store: ModelStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_url, "suggest"]) == 2
    assert "--text" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("number,body\n1,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="id,text"):
        list(cli_suggest._rows(str(bad)))
