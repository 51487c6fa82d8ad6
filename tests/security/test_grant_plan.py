"""The grant plan: one default rule over every table, narrowed by an explicit list."""

from __future__ import annotations

import pytest

from console.services import dbgrants, dbroles


def test_plan_is_default_rule_plus_explicit_exceptions() -> None:
    plan = dbroles.plan_grants(
        ["cases", "case_events", "sla_policies", "new_thing"],
        ["id", "status", "number", "assignee_id"],
        views=["daily_figures"],
    )
    assert {
        (g.table, g.privileges)
        for g in plan
        if g.table == "daily_figures" and g.group != "hotline_exchange"
    } == {("daily_figures", ("SELECT",))}
    plan = dbroles.plan_grants(
        ["cases", "case_events", "sla_policies", "new_thing"],
        ["id", "status", "number", "assignee_id"],
    )
    by = {(g.table, g.group): g for g in plan}
    assert by[("new_thing", "hotline_agent")].privileges == dbgrants.WORK
    assert by[("case_events", "hotline_admin")].privileges == ("SELECT", "INSERT")
    assert by[("sla_policies", "hotline_supervisor")].privileges == ("SELECT",)
    assert by[("sla_policies", "hotline_admin")].privileges == dbgrants.WORK
    cases = by[("cases", "hotline_agent")]
    assert cases.privileges == ("SELECT", "INSERT")
    assert cases.update_columns == ("assignee_id", "status")
    # the exchange service: an allow-list, nothing by default
    assert by[("new_thing", "hotline_exchange")].privileges == ()
    assert by[("case_events", "hotline_exchange")].privileges == ("SELECT", "INSERT")
    assert by[("sla_policies", "hotline_exchange")].privileges == ("SELECT",)
    assert by[("cases", "hotline_exchange")].update_columns == ("assignee_id", "status")
    with pytest.raises(dbroles.AccountError):
        dbroles.check_username("hotline_exchange")
    with pytest.raises(dbroles.AccountError):
        dbroles.check_username("Robert'); DROP TABLE cases;--")
    with pytest.raises(dbroles.AccountError):
        dbroles.check_username("hotline_admin")
