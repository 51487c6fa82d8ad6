"""A case draft from names, as the command line gives them (category path, district and
town by name), for ``CaseService.create`` to validate and save as the form would."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.casetypes import Urgency
from console.domain.validation import CaseDraft
from console.models import MatterCategory, Region
from console.services.errors import NotFound
from console.services.importer import CLASS_OF_LEVEL1, DEFAULT_CLASS


def category_of(session: Session, path: str) -> tuple[int | None, str]:
    """(category id, business class) of a path written 'L1 / L2 / L3' (or with '/')."""
    parts = [p.strip() for p in path.replace("／", "/").split("/") if p.strip()]
    if not parts:
        return None, DEFAULT_CLASS
    cid = session.execute(
        select(MatterCategory.id).where(MatterCategory.path == "/".join(parts))
    ).scalar()
    if cid is None:
        raise NotFound(f"no matter category {path!r}")
    return int(cid), CLASS_OF_LEVEL1.get(parts[0], DEFAULT_CLASS)


def region_of(session: Session, name: str, parent: int | None) -> int | None:
    if not name.strip():
        return None
    stmt = select(Region.id).where(Region.name == name.strip())
    stmt = stmt.where(Region.parent_id == parent) if parent else stmt.where(Region.level == 1)
    rid = session.execute(stmt).scalar()
    if rid is None:
        raise NotFound(f"no region {name!r}")
    return int(rid)


def draft_from_names(
    session: Session,
    *,
    case_type: str,
    sub_type: str,
    phone: str,
    description: str,
    name: str = "",
    category: str = "",
    district: str = "",
    town: str = "",
    address: str = "",
    channel: str = "phone_12345",
    urgent: bool = False,
) -> CaseDraft:
    category_id, class_code = category_of(session, category)
    district_id = region_of(session, district, None)
    town_id = region_of(session, town, district_id) if town.strip() else None
    if town_id is not None and district_id is None:
        raise NotFound("name the district of the town")
    return CaseDraft(
        channel_code=channel,
        case_type=case_type,
        sub_type=sub_type,
        class_code=class_code,
        category_id=category_id,
        district_id=district_id,
        town_id=town_id,
        address=address,
        caller_name=name,
        caller_phone=phone,
        description=description,
        urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
    )
