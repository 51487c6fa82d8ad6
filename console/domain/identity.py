"""Who sits at the console. The one place identity lives; passed by constructors."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.casetypes import Role


@dataclass(frozen=True)
class Identity:
    agent_id: int
    username: str
    display_name: str
    role: str
    unit_id: int | None = None  # the handling unit of a unit user (Role.UNIT)
    team: str | None = None  # business class code of the agent's team (claim next)

    @property
    def is_supervisor(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)

    @property
    def is_unit(self) -> bool:
        return self.role == Role.UNIT
