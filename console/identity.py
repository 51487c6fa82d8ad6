"""Who sits at the console. The one place identity lives; passed by constructors."""

from __future__ import annotations

from dataclasses import dataclass

from console.casetypes import Role


@dataclass(frozen=True)
class Identity:
    agent_id: int
    username: str
    display_name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)
