"""The data-fields page: every model and field, generated from the schema's own docs."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from ..model import schema

# The models an editor writes, in the order the guide introduces them.
MODELS = (schema.Summit, schema.Summary, schema.SummitDate, schema.Place, schema.Occasion,
          schema.Participant, schema.Outcome, schema.Figure, schema.Citation, schema.Derived,
          schema.Person, schema.NameForm, schema.RoleStatement, schema.Description,
          schema.Source, schema.Trade, schema.TradeFigure, schema.TradeTarget,
          schema.TargetStatement, schema.Milestone,
          schema.Topic, schema.TrackedClaim, schema.HedgeClass, schema.SiteSettings, schema.Country)


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class ModelDoc:
    name: str
    description: str
    fields: tuple[FieldDoc, ...]


def _type_name(annotation: Any) -> str:
    """'list of Citation', 'one of stated, inferred', 'str' — as an editor reads them."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _type_name(args[0])
    if origin in (Union, UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in args)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    return getattr(annotation, "__name__", str(annotation))


@dataclass(frozen=True)
class DataFields:
    models: tuple[ModelDoc, ...]


def data_fields() -> DataFields:
    docs = []
    for model in MODELS:
        fields = tuple(
            FieldDoc(name, _type_name(info.annotation), info.is_required(),
                     info.description or "")
            for name, info in model.model_fields.items())
        docs.append(ModelDoc(model.__name__, " ".join(inspect.getdoc(model).split()), fields))
    return DataFields(tuple(docs))
