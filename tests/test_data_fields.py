"""The data-fields page documents every model an editor writes, and every field of it."""

from __future__ import annotations

import inspect

from pydantic import BaseModel

from summit_briefings.contexts.data_fields import MODELS, data_fields
from summit_briefings.model import schema


def test_every_data_model_is_on_the_data_fields_page():
    defined = {obj for _, obj in inspect.getmembers(schema, inspect.isclass)
               if issubclass(obj, BaseModel) and obj.__module__ == schema.__name__
               and obj is not schema.Model}
    assert defined == set(MODELS)


def test_every_field_has_a_type_and_a_meaning():
    for model in data_fields().models:
        assert model.description, model.name
        for field in model.fields:
            assert field.type and field.description, f"{model.name}.{field.name}"
