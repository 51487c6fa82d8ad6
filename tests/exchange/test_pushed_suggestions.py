"""Orders a platform pushes that no unit is routed to (a consultation) land in
*received* for triage: the suggestions for them are stored beside the push path
(``suggest backfill``, the child process of ``serve``), never inside the push request.
On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import select

from console.learning.store import DatabaseModelStore
from console.models import Case
from console.services.suggestions import SuggestionService
from tests.exchange.conftest import Running, order
from tests.helpers.suggest_data import add_cases


def _push(r: Running, body: dict[str, object]) -> httpx.Response:
    with r.client("platform") as c:
        return c.post("/api/v1/orders", json=body)


def test_a_pushed_order_to_triage_gets_stored_suggestions(running: Running, tmp_path: Path) -> None:
    sessions = running.service.sessions
    service = SuggestionService(sessions, DatabaseModelStore(sessions, tmp_path / "models"))
    add_cases(sessions, 8)
    service.train()
    routed = _push(running, order("YSX-R"))  # category and district: dispatched at once
    assert routed.json()["status"] == "dispatched"
    pushed = _push(
        running,
        order(
            "YSX-T",
            title="欠薪",
            description="工厂老板拖欠工资三个月，工人讨要无果，想咨询怎么办。",
            sub_type="policy",  # a consultation: not routed to a unit
        ),
    )
    assert pushed.status_code == 201, pushed.text
    assert pushed.json()["status"] == "received"  # the centre triages it
    assert service.backfill() == 1  # the one to triage, not the dispatched one
    with sessions() as s:
        case_id = s.scalars(select(Case.id).where(Case.number == pushed.json()["number"])).one()
    stored = service.stored(case_id)
    assert stored is not None and len(stored.items) == 3
    assert stored.items[0].category == "劳动和社会保障 / 工资福利 / 工资发放"
