"""Reference data: channels, business classes, matter categories, regions, units, shifts."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base


class Channel(Base):
    """来源渠道: where a case came from (phone, enterprise line, web, media)."""

    __tablename__ = "channels"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # phone | web | media
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class BusinessClass(Base):
    """五大类: the five business classes, each with a dedicated team."""

    __tablename__ = "business_classes"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(64))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MatterCategory(Base):
    """The 3-level matter taxonomy (level 1 > level 2 > level 3 leaf)."""

    __tablename__ = "matter_categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("matter_categories.id"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(200), unique=True)  # "城乡建设/安全生产/事故处理"


class Region(Base):
    """A district (level 1) or a town/street (level 2) of the city."""

    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # 区 | 街道 | 镇
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class HandlingUnit(Base):
    """承办单位: a district government, a town or street, or a city bureau."""

    __tablename__ = "handling_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # district | town | bureau | enterprise
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ShiftDefinition(Base):
    """One of the three shifts (三班倒); times are local wall-clock "HH:MM"."""

    __tablename__ = "shift_definitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(32))
    starts: Mapped[str] = mapped_column(String(5))
    ends: Mapped[str] = mapped_column(String(5))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
